package org.wholecare.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.TestArea;
import org.wholecare.budget.AreaSettings;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.purchase.Purchase;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/** Each reason a budget needs attention, made to happen for real, and only that person listed for it. */
@IntegrationTest
class NeedsAttentionIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PASSWORD = "a long enough password";

    @Autowired NeedsAttention needs;
    @Autowired AreaSettings settings;
    @Autowired BudgetService budgets;
    @Autowired BudgetHolderService holders;
    @Autowired SupportPlanService plans;
    @Autowired org.wholecare.pooling.PoolingService pooling;
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

    private record Person(String username, HolderSummary holder) {
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }

    private Person newHolder(long pencePerStream) {
        long n = SEQUENCE.incrementAndGet();
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Attention " + n,
                "attention." + n, LocalDate.of(1950, 3, 3), BudgetTestData.nextNhsNumber(), "TF4", null, null, null)));
        String url = registered.holderInvitation().link().url();
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
        BudgetTestData.budget(actingAs, budgets, registered.holder(), Map.of(FundingStream.COUNCIL_SOCIAL_CARE,
                pencePerStream, FundingStream.NHS_HEALTH, pencePerStream));
        Person person = new Person("attention." + n, registered.holder());
        // from today, so that only what each test makes happen needs attention
        startedDaysAgo(person, 0);
        return person;
    }

    /** As if the budget (and its book) had begun {@code days} ago. */
    private void startedDaysAgo(Person p, int days) {
        jdbc.update("UPDATE budget SET start_date = ? WHERE holder_id = ?", today().minusDays(days), p.holder().id());
        jdbc.update("UPDATE ledger_book k JOIN budget b ON b.id = k.budget_id SET k.covers_from = b.start_date "
                + "WHERE b.holder_id = ?", p.holder().id());
    }

    private long listing(String words) {
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(words, null, "TF4", null, null, null,
                null, 0, 5)).results().getFirst().listing().id());
    }

    private Purchase book(Person p, String words, int quantity, LocalDate start) {
        Booking booking = new Booking(p.holder().id(), listing(words), quantity, Booking.Frequency.ONE_OFF, 1, start,
                null, "attention-" + SEQUENCE.incrementAndGet(), null);
        return actingAs.run(p.username(), () -> bookings.book(booking, bookings.preview(booking)));
    }

    /** Booked, accepted, delivered today and invoiced in full: the invoice waits for the holder. */
    private Purchase invoiced(Person p) {
        Purchase booked = book(p, "Morning help", 2, today().plusDays(1));
        actingAs.run(HOME_CARE, () -> providerBookings.accept(booked.id()));
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", today(), today(), booked.id());
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(booked.id(), 2, today()));
        return actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(booked.id(), 2));
    }

    private List<NeedsAttention.Item> itemsFor(Person p) {
        return actingAs.run(COMMISSIONER, () -> needs.inMyArea()).stream()
                .filter(i -> i.holderId() == p.holder().id()).toList();
    }

    @Test
    void moneyThatRunsOutEarlyAndMoneyLeftUnusedAreListedWithTheirFigures() {
        // £200.00 in all, and £49.00 set aside in its first three weeks: at that rate it runs out in months
        Person fast = newHolder(10_000);
        book(fast, "Morning help", 2, today().plusDays(1));
        assertThat(itemsFor(fast)).as("not judged in the first fortnight").isEmpty();
        startedDaysAgo(fast, 20);
        assertThat(itemsFor(fast)).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo(NeedsAttention.Reason.RUNS_OUT);
            assertThat(i.detail()).startsWith("At the rate so far the money runs out on ").contains("; the budget ends on");
        });
        // a budget a month old with nothing used at all
        Person slow = newHolder(500_000);
        startedDaysAgo(slow, 30);
        assertThat(itemsFor(slow)).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo(NeedsAttention.Reason.SURPLUS);
            assertThat(i.detail()).startsWith("£10,000.00 would be left unspent: more than 8 weeks of planned spending");
        });
        // a new budget with nothing wrong is not listed at all, and being listed is in the person's log
        Person fine = newHolder(500_000);
        assertThat(itemsFor(fine)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND action = ?",
                Long.class, slow.holder().id(), "Saw in the needs-attention list")).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND action = ?",
                Long.class, fine.holder().id(), "Saw in the needs-attention list")).isZero();
    }

    @Test
    void anOverdueReviewAndABookingThePlanDoesNotMentionAreListed() {
        Person p = newHolder(500_000);
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        SupportPlan draft = actingAs.run(p.username(), () -> plans.saveDraft(p.holder().id(), List.of("Walk again"),
                List.of(new SupportPlanService.LineInput(therapy, "Physio once a week", 4_500,
                        SupportPlan.Frequency.WEEK, 1)), today().plusDays(30)));
        actingAs.run(COMMISSIONER, () -> plans.agree(p.holder().id(), draft.version()));
        assertThat(itemsFor(p)).isEmpty();
        jdbc.update("UPDATE support_plan SET review_date = ? WHERE holder_id = ?", today().minusDays(3),
                p.holder().id());
        book(p, "Day centre with lunch", 1, TestArea.dayCentreDayFrom(today().plusDays(1)));
        assertThat(itemsFor(p)).extracting(NeedsAttention.Item::reason, NeedsAttention.Item::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NeedsAttention.Reason.REVIEW_OVERDUE, "The review was due on "
                        + UkTime.day(today().minusDays(3)) + "."),
                org.assertj.core.groups.Tuple.tuple(NeedsAttention.Reason.OFF_PLAN, "Day centre with lunch and "
                        + "activities from Willow Day Centre: the agreed plan has no part for day activities."));
    }

    @Test
    void aPriceWellAboveTheTypicalIsListedByTheAreasOwnMarginAndOutOfRangeMarginsAreRefused() {
        Person p = newHolder(500_000);
        // evening care at £27.00 an hour; the typical personal care hour in TF4 is £24.50 (10% less)
        book(p, "Evening and weekend care", 1, firstFriday(today().plusDays(1)));
        assertThat(itemsFor(p)).isEmpty();
        try {
            assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> settings.change(0, 501)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("surplusThresholdWeeks", "priceMarginPercent"));
            actingAs.run(COMMISSIONER, () -> settings.change(8, 5));
            assertThat(itemsFor(p)).singleElement().satisfies(i -> {
                assertThat(i.reason()).isEqualTo(NeedsAttention.Reason.HIGH_PRICE);
                assertThat(i.detail()).isEqualTo("Evening and weekend care from Brookside Home Care at £27.00 per "
                        + "hour: the typical price in TF4 is £24.50 (10% more).");
            });
        } finally {
            actingAs.run(COMMISSIONER, () -> settings.change(8, AreaSettings.DEFAULT_PRICE_MARGIN_PERCENT));
        }
    }

    @Test
    void anInvoiceInDisputeAndAFailedPaymentAreListed() {
        Person disputing = newHolder(500_000);
        Purchase invoiced = invoiced(disputing);
        actingAs.run(disputing.username(), () -> invoices.dispute(invoiced.invoices().getFirst().id(),
                "Only one hour came"));
        assertThat(itemsFor(disputing)).extracting(NeedsAttention.Item::reason)
                .containsExactly(NeedsAttention.Reason.DISPUTE);
        Person unpaid = newHolder(500_000);
        long invoiceId = invoiced(unpaid).invoices().getFirst().id();
        actingAs.run(unpaid.username(), () -> invoices.confirm(invoiceId));
        jdbc.update("UPDATE payment SET status = 'FAILED' WHERE invoice_id = ?", invoiceId);
        try {
            assertThat(itemsFor(unpaid)).singleElement().satisfies(i -> {
                assertThat(i.reason()).isEqualTo(NeedsAttention.Reason.PAYMENT_FAILED);
                assertThat(i.detail()).startsWith("1 payment to a provider failed.");
            });
        } finally {
            jdbc.update("UPDATE payment SET status = 'PENDING' WHERE invoice_id = ?", invoiceId);
        }
    }

    @Test
    void anotherAreasCommissionerSeesNoneOfThisAreasPeopleAndOnlyCommissionersSeeAny() {
        Person fast = newHolder(10_000);
        book(fast, "Morning help", 2, today().plusDays(1));
        String other = otherAreaCommissioner();
        assertThat(actingAs.run(other, () -> needs.inMyArea())).noneMatch(i -> i.holderId() == fast.holder().id());
        for (String notACommissioner : new String[] {HOLDER, HOME_CARE, DAY_CENTRE, TestArea.BROKER, ADMIN}) {
            assertThatThrownBy(() -> actingAs.run(notACommissioner, () -> needs.inMyArea()))
                    .as(notACommissioner).isInstanceOf(AccessDeniedException.class);
        }
    }

    private String otherAreaCommissioner() {
        return TestArea.commissionerOfAnotherArea(actingAs, jdbc, organisations, accounts, invitations,
                "commissioner.attention.elsewhere", "Elsewhere", "EW1", OrganisationType.COUNCIL, "Eli Where");
    }

    /** Evening care runs Friday to Sunday. */
    private static LocalDate firstFriday(LocalDate from) {
        LocalDate day = from;
        while (day.getDayOfWeek() != java.time.DayOfWeek.FRIDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
