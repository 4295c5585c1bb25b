package org.wholecare.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.COUNCIL;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.TestArea;
import org.wholecare.budget.AreaBudgets;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamBalance;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.purchase.Purchase;
import org.wholecare.purchase.PurchaseKinds;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * The area overview against the ledger's own lines, summed here independently in SQL, and
 * against the holders' budget pages: every figure must agree to the penny.
 */
@IntegrationTest
class AreaOverviewIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PASSWORD = "a long enough password";

    @Autowired AreaOverviews overviews;
    @Autowired AreaBudgets areaBudgets;
    @Autowired PurchaseKinds kinds;
    @Autowired BudgetService budgets;
    @Autowired BudgetHolderService holders;
    @Autowired Bookings bookings;
    @Autowired ProviderBookings providerBookings;
    @Autowired Invoices invoices;
    @Autowired SearchService search;
    @Autowired OrganisationService organisations;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private LocalDate today() {
        return UkTime.today(clock);
    }

    /** A new holder in TF4 who books 2 hours of morning help (60% council, 40% NHS), delivered and paid. */
    private Purchase spendOnMorningHelp() {
        long n = SEQUENCE.incrementAndGet();
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Overview " + n,
                "overview." + n, LocalDate.of(2012, 2, 2), BudgetTestData.nextNhsNumber(), "TF4", null, null, null)));
        String url = registered.holderInvitation().link().url();
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
        BudgetTestData.budget(actingAs, budgets, registered.holder(),
                Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 300_000L, FundingStream.NHS_HEALTH, 200_000L));
        long morning = actingAs.run(HOLDER, () -> search.search(new SearchQuery("Morning help", null, "TF4", null,
                null, null, null, 0, 5)).results().getFirst().listing().id());
        String username = "overview." + n;
        Booking booking = new Booking(registered.holder().id(), morning, 2, Booking.Frequency.ONE_OFF, 1,
                today().plusDays(1), null, "overview-" + n, null);
        Purchase booked = actingAs.run(username, () -> bookings.book(booking, bookings.preview(booking)));
        actingAs.run(HOME_CARE, () -> providerBookings.accept(booked.id()));
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", today(), today(), booked.id());
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(booked.id(), 2, today()));
        Purchase invoiced = actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(booked.id(), 2));
        return actingAs.run(username, () -> invoices.confirm(invoiced.invoices().getFirst().id()));
    }

    /** Each stream's four figures for the area's budgets running in the period, from the lines themselves. */
    private Map<FundingStream, long[]> fromTheLines(long areaId, ReportingPeriod period) {
        Map<FundingStream, long[]> figures = new EnumMap<>(FundingStream.class);
        for (FundingStream stream : FundingStream.values()) {
            figures.put(stream, new long[4]);
        }
        jdbc.query("""
                SELECT l.stream, l.account, SUM(l.amount_pence) FROM ledger_line l JOIN budget b ON b.id = l.budget_id
                WHERE b.area_id = ? AND b.start_date <= ? AND b.end_date >= ? GROUP BY l.stream, l.account""", rs -> {
            long[] f = figures.get(FundingStream.valueOf(rs.getString(1)));
            long pence = rs.getLong(3);
            switch (rs.getString(2)) {
                case "FUNDING" -> f[0] -= pence;
                case "COMMITTED" -> f[1] += pence;
                case "SPENT" -> f[2] += pence;
                default -> f[3] += pence;
            }
        }, areaId, Date.valueOf(period.to()), Date.valueOf(period.from()));
        return figures;
    }

    @Test
    void everyFigureAgreesWithTheLedgerLinesAndWithTheHoldersOwnBudgetPages() {
        Purchase spent = spendOnMorningHelp();
        long areaId = TestArea.areaId(actingAs);
        ReportingPeriod year = ReportingPeriod.yearOf(today());
        AreaOverview nhs = actingAs.run(COMMISSIONER, () -> overviews.overview(null));
        assertThat(nhs.period()).isEqualTo(year);
        Map<FundingStream, long[]> lines = fromTheLines(areaId, year);
        for (AreaOverview.StreamFigures s : nhs.streams()) {
            assertThat(new long[] {s.allocated(), s.setAside(), s.spent(), s.unspent()}).as(s.stream().name())
                    .containsExactly(lines.get(s.stream()));
        }
        // the same as every holder's budget page added up
        List<Long> budgetIds = jdbc.queryForList("SELECT id FROM budget WHERE area_id = ? AND start_date <= ? "
                + "AND end_date >= ?", Long.class, areaId, Date.valueOf(year.to()), Date.valueOf(year.from()));
        Map<FundingStream, StreamBalance> pages = new EnumMap<>(FundingStream.class);
        for (long id : budgetIds) {
            actingAs.run(COMMISSIONER, () -> budgets.overview(id)).balance().streams()
                    .forEach(s -> pages.merge(s.stream(), s, StreamBalance::plus));
        }
        for (AreaOverview.StreamFigures s : nhs.streams()) {
            StreamBalance page = pages.get(s.stream());
            assertThat(new long[] {s.allocated(), s.setAside(), s.spent(), s.unspent()}).as(s.stream().name())
                    .containsExactly(page.allocated(), page.committed(), page.spent(), page.available());
        }
        assertThat(nhs.people().budgets()).isEqualTo(budgetIds.size());
        Map<String, Long> byManagement = new HashMap<>();
        jdbc.query("SELECT management, COUNT(*) FROM budget WHERE area_id = ? AND start_date <= ? AND end_date >= ? "
                + "GROUP BY management", rs -> {
            byManagement.put(rs.getString(1), rs.getLong(2));
        }, areaId, Date.valueOf(year.to()), Date.valueOf(year.from()));
        nhs.people().byManagement().forEach((m, count) -> assertThat(count).as(m.name())
                .isEqualTo(byManagement.getOrDefault(m.name(), 0L)));
        assertThat(nhs.people().adults() + nhs.people().children()).isEqualTo(budgetIds.size());
        assertThat(nhs.people().children()).isPositive(); // the holder born in 2012

        // spent in the year, per stream, from the lines posted in it
        Map<FundingStream, Long> spentInYear = new EnumMap<>(FundingStream.class);
        jdbc.query("""
                SELECT l.stream, SUM(l.amount_pence) FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
                JOIN budget b ON b.id = l.budget_id WHERE b.area_id = ? AND l.account = 'SPENT'
                AND e.posted_at >= ? AND e.posted_at < ? GROUP BY l.stream""", rs -> {
            spentInYear.put(FundingStream.valueOf(rs.getString(1)), rs.getLong(2));
        }, areaId, Timestamp.from(UkTime.startOf(year.from())), Timestamp.from(UkTime.startOf(year.to().plusDays(1))));
        for (AreaOverview.StreamFigures s : nhs.streams()) {
            assertThat(s.spentInPeriod()).as(s.stream().name()).isEqualTo(spentInYear.getOrDefault(s.stream(), 0L));
        }
        // the NHS stream's spending by kind of support, from the lines and the purchases they paid for
        Map<String, Long> byKind = new HashMap<>();
        jdbc.query("""
                SELECT c.name, SUM(l.amount_pence) FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
                JOIN purchase p ON e.reference = CONCAT('purchase:', p.id)
                JOIN service_category c ON c.id = p.category_id JOIN budget b ON b.id = l.budget_id
                WHERE b.area_id = ? AND l.account = 'SPENT' AND l.stream = 'NHS_HEALTH'
                AND e.posted_at >= ? AND e.posted_at < ? GROUP BY c.name""", rs -> {
            byKind.put(rs.getString(1), rs.getLong(2));
        }, areaId, Timestamp.from(UkTime.startOf(year.from())), Timestamp.from(UkTime.startOf(year.to().plusDays(1))));
        Map<String, Long> shown = new HashMap<>();
        nhs.byKind().forEach(row -> shown.put(row.label(), row.pence().get(FundingStream.NHS_HEALTH)));
        assertThat(shown).isEqualTo(byKind);
        assertThat(shown.get("Personal care")).isGreaterThanOrEqualTo(spent.spentPence() * 4 / 10);
        // every breakdown adds up to the stream's spending in the period
        long nhsSpent = spentInYear.getOrDefault(FundingStream.NHS_HEALTH, 0L);
        assertThat(nhs.byMonth().stream().mapToLong(AreaOverview.Breakdown::total).sum()).isEqualTo(nhsSpent);
        assertThat(nhs.byProvider().stream().mapToLong(AreaOverview.Breakdown::total).sum()).isEqualTo(nhsSpent);
        assertThat(nhs.byProvider()).extracting(AreaOverview.Breakdown::label).contains(TestArea.HOME_CARE_NAME);
    }

    @Test
    void eachFunderSeesItsOwnStreamInDetailAndTheOthersAsTotalsOnly() {
        spendOnMorningHelp();
        AreaOverview nhs = actingAs.run(COMMISSIONER, () -> overviews.overview(null));
        AreaOverview council = actingAs.run(COUNCIL, () -> overviews.overview(null));
        assertThat(nhs.ownStreams()).containsExactly(FundingStream.NHS_HEALTH);
        assertThat(council.ownStreams()).containsExactlyInAnyOrder(FundingStream.COUNCIL_SOCIAL_CARE,
                FundingStream.ASSESSED_CONTRIBUTION);
        for (var rows : List.of(nhs.byKind(), nhs.byProvider(), nhs.byMonth())) {
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.pence()).containsOnlyKeys(FundingStream.NHS_HEALTH));
        }
        for (var rows : List.of(council.byKind(), council.byProvider(), council.byMonth())) {
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.pence()).containsOnlyKeys(
                    FundingStream.COUNCIL_SOCIAL_CARE, FundingStream.ASSESSED_CONTRIBUTION));
        }
        // the totals are the same for both
        assertThat(council.streams()).isEqualTo(nhs.streams());
    }

    @Test
    void aCommissionerOfAnotherAreaSeesNothingOfThisOneAndNobodyElseSeesAnyArea() {
        Purchase spent = spendOnMorningHelp();
        String other = otherAreaCommissioner();
        assertThatThrownBy(() -> actingAs.run(other, () -> overviews.overview(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("Overbrook has no budgets yet"));
        long testford = TestArea.areaId(actingAs);
        assertThatThrownBy(() -> actingAs.run(other, () -> areaBudgets.runningIn(testford, today(), today())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(other, () -> kinds.of(List.of(spent.id())))).isEmpty();
        assertThat(actingAs.run(COMMISSIONER, () -> kinds.of(List.of(spent.id())))).containsKey(spent.id());
        for (String notACommissioner : new String[] {HOLDER, HOME_CARE, TestArea.BROKER, ADMIN}) {
            assertThatThrownBy(() -> actingAs.run(notACommissioner, () -> overviews.overview(null)))
                    .as(notACommissioner).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aPeriodThatCannotBeShownGetsAMessageAtTheFieldNeverAFigure() {
        LocalDate today = today();
        String nextYear = "FY" + (ReportingPeriod.yearOf(today).from().getYear() + 1);
        String nextMonth = today.plusMonths(1).toString().substring(0, 7);
        Map<String, String> expected = Map.of("2026-13", "Choose one from the list", "hello", "Choose one from the list",
                nextYear, "has not started yet", nextMonth, "has not started yet",
                "FY2001", "Testford has no budgets before");
        expected.forEach((code, message) -> assertThatThrownBy(() -> actingAs.run(COMMISSIONER,
                () -> overviews.overview(code))).as(code).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("period").extractingByKey("period")
                                .asString().contains(message)));
    }

    private String otherAreaCommissioner() {
        return TestArea.commissionerOfAnotherArea(actingAs, jdbc, organisations, accounts, invitations,
                "commissioner.overbrook", "Overbrook", "OV1, OV2", OrganisationType.NHS_BOARD, "Ola Over");
    }
}
