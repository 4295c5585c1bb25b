package org.wholecare.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.TestArea;
import org.wholecare.TestClock;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.purchase.Purchase;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;
import org.wholecare.marketplace.ProviderDecisions;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ProviderStatus;
import org.wholecare.marketplace.RegisterProvider;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.pooling.PoolingService;
import org.wholecare.security.SystemActor;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

/** "Things to do" against the data and the pages behind them, for each person concerned and nobody else. */
@IntegrationTest
class ThingsToDoIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Autowired List<ThingsToDo> sources;
    @Autowired Bookings bookings;
    @Autowired ProviderBookings providerBookings;
    @Autowired Invoices invoices;
    @Autowired SearchService search;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired SupportPlanService plans;
    @Autowired PoolingService pooling;
    @Autowired ProviderService providers;
    @Autowired ProviderDecisions providerDecisions;
    @Autowired GreenMail smtpServer;
    @Autowired EmailDelivery delivery;
    @Autowired TestClock clock;

    private List<ThingToDo> of(String username) {
        return actingAs.run(username, () -> {
            List<ThingToDo> all = new ArrayList<>();
            sources.forEach(s -> all.addAll(s.forMe()));
            return all;
        });
    }

    private static List<ThingToDo> going(List<ThingToDo> things, String path) {
        return things.stream().filter(t -> t.path().equals(path)).toList();
    }

    @Test
    void aBookingWaitsForTheProviderThenItsInvoiceForThePersonAndTheirCarerThenADisputeForTheCommissioner() {
        long n = SEQUENCE.incrementAndGet();
        var registered = BudgetTestData.holderWithCarer(actingAs, holders, budgets, invitations, "todo", n);
        String holder = registered.username();
        String helper = registered.carer();
        long dayCentre = actingAs.run(HOLDER, () -> search.search(new SearchQuery("Day centre with lunch", null, "TF4",
                null, null, null, null, 0, 5)).results().getFirst().listing().id());
        LocalDate day = TestArea.dayCentreDayFrom(UkTime.today(clock).plusDays(1));
        Booking booking = new Booking(registered.holder().id(), dayCentre, 1, Booking.Frequency.ONE_OFF, 1, day,
                null, "todo-" + n, null);
        Purchase booked = actingAs.run(helper, () -> bookings.book(booking, bookings.preview(booking)));

        // the provider: as many as its bookings page has waiting, by the first one's start
        // other tests leave the day centre payments and deliveries too: this is the bookings to answer
        List<ThingToDo> provider = going(of(DAY_CENTRE), "/provider/bookings").stream()
                .filter(t -> t.what().contains("to accept or decline")).toList();
        long waiting = actingAs.run(DAY_CENTRE, () -> providerBookings.bookingCountsForMe().waiting());
        assertThat(provider).hasSize(1);
        assertThat(provider.getFirst().count()).isEqualTo(waiting).isPositive();
        assertThat(provider.getFirst().by()).isNotNull().isBeforeOrEqualTo(day);
        assertThat(going(of(holder), "/purchases")).isEmpty();

        actingAs.run(DAY_CENTRE, () -> providerBookings.accept(booked.id()));
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", UkTime.today(clock),
                UkTime.today(clock), booked.id());
        actingAs.run(DAY_CENTRE, () -> providerBookings.recordDelivery(booked.id(), 1, UkTime.today(clock)));
        actingAs.run(DAY_CENTRE, () -> providerBookings.raiseInvoice(booked.id(), 1));
        List<ThingToDo> mine = going(of(holder), "/purchases");
        assertThat(mine).singleElement().satisfies(t -> {
            assertThat(t.what()).isEqualTo("An invoice from Willow Day Centre for £48.00: confirm it or say what "
                    + "is wrong");
            assertThat(t.by()).isEqualTo(UkTime.today(clock).plusDays(14));
        });
        assertThat(going(of(helper), "/purchases")).singleElement().satisfies(t -> assertThat(t.what())
                .endsWith("for Todo's budget: confirm it or say what is wrong"));
        // the carer seeing it is in the person's Who has looked
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND action = ?",
                Long.class, registered.holder().id(), "Saw the invoices waiting to be checked")).isPositive();

        long invoiceId = jdbc.queryForObject("SELECT id FROM invoice WHERE purchase_id = ?", Long.class, booked.id());
        actingAs.run(holder, () -> invoices.dispute(invoiceId, "Only half a day was given."));
        assertThat(going(of(holder), "/purchases")).isEmpty();
        List<ThingToDo> commissioner = going(of(COMMISSIONER), "/commissioner/payments").stream()
                .filter(t -> t.what().contains("in dispute")).toList();
        long disputes = actingAs.run(COMMISSIONER, () -> invoices.disputesInMyArea().size());
        assertThat(commissioner).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(disputes));
        // nobody else is told of it
        assertThat(of(TestArea.BROKER)).noneMatch(t -> t.what().contains("Todo"));
        assertThat(going(of(HOLDER), "/purchases")).noneSatisfy(t -> assertThat(t.what()).contains("Todo"));
    }

    @Test
    void thePersonAndTheirCarerAreToldTheBudgetEndsSoonAndTheReviewIsDueAndTheCommissionerOfDraftsToAgree() {
        long n = SEQUENCE.incrementAndGet();
        var registered = BudgetTestData.holderWithCarer(actingAs, holders, budgets, invitations, "soon", n);
        LocalDate today = UkTime.today(clock);
        long holderId = registered.holder().id();
        // what the budget page's forecast says, the home page says too
        boolean unspent = actingAs.run(registered.username(), () -> budgets.overview(budgets.currentBudget(holderId)
                .orElseThrow().id()).forecast().overSurplusThreshold());
        assertThat(going(of(registered.username()), "/budget")).extracting(ThingToDo::what)
                .isEqualTo(unspent ? List.of("A lot of your budget is on track to be left unspent, and some may be "
                        + "taken back: think about the support you need") : List.of());
        jdbc.update("UPDATE budget SET end_date = ? WHERE holder_id = ?", today.plusDays(10), holderId);
        assertThat(going(of(registered.username()), "/budget")).filteredOn(t -> t.what().contains("ends"))
                .singleElement().satisfies(t -> {
            assertThat(t.what()).isEqualTo("Your budget for this period ends: check what is booked after it");
            assertThat(t.by()).isEqualTo(today.plusDays(10));
        });
        assertThat(going(of(registered.carer()), "/budget")).extracting(ThingToDo::what)
                .contains("Soon's budget for this period ends: check what is booked after it");

        long drafts = going(of(COMMISSIONER), "/commissioner/holders").stream().mapToLong(ThingToDo::count).sum();
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        SupportPlan draft = actingAs.run(registered.username(), () -> plans.saveDraft(holderId, List.of("Walk to the "
                + "park"), List.of(new SupportPlanService.LineInput(therapy, "Physio once a week", 5_000,
                SupportPlan.Frequency.WEEK, 1)), today.plusDays(20)));
        assertThat(going(of(COMMISSIONER), "/commissioner/holders")).singleElement()
                .satisfies(t -> assertThat(t.count()).isEqualTo(drafts + 1));
        assertThat(going(of(registered.username()), "/plan")).isEmpty();
        actingAs.run(COMMISSIONER, () -> plans.agree(holderId, draft.version()));
        assertThat(going(of(COMMISSIONER), "/commissioner/holders")).extracting(ThingToDo::count)
                .isEqualTo(drafts == 0 ? List.of() : List.of(drafts));
        assertThat(going(of(registered.username()), "/plan")).singleElement().satisfies(t -> {
            assertThat(t.what()).isEqualTo("Your support plan review is due: ask your commissioner when it will be");
            assertThat(t.by()).isEqualTo(today.plusDays(20));
        });
        assertThat(going(of(registered.carer()), "/plan")).singleElement().satisfies(t -> assertThat(t.what())
                .startsWith("Soon's support plan review is due"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND action = ?",
                Long.class, holderId, "Saw when the support plan review is due")).isPositive();
    }

    @Test
    void aBookingUnderWayWaitsForItsDeliveryToBeRecordedUntilAllOfItIs() {
        long n = SEQUENCE.incrementAndGet();
        var registered = BudgetTestData.holderWithCarer(actingAs, holders, budgets, invitations, "deliver", n);
        long dayCentre = actingAs.run(HOLDER, () -> search.search(new SearchQuery("Day centre with lunch", null, "TF4",
                null, null, null, null, 0, 5)).results().getFirst().listing().id());
        Booking booking = new Booking(registered.holder().id(), dayCentre, 1, Booking.Frequency.ONE_OFF, 1,
                TestArea.dayCentreDayFrom(UkTime.today(clock).plusDays(1)), null, "deliver-" + n, null);
        Purchase booked = actingAs.run(registered.carer(), () -> bookings.book(booking, bookings.preview(booking)));
        long before = toRecord();
        actingAs.run(DAY_CENTRE, () -> providerBookings.accept(booked.id()));
        assertThat(toRecord()).as("not started yet").isEqualTo(before);
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", UkTime.today(clock),
                UkTime.today(clock), booked.id());
        assertThat(toRecord()).isEqualTo(before + 1);
        actingAs.run(DAY_CENTRE, () -> providerBookings.recordDelivery(booked.id(), 1, UkTime.today(clock)));
        assertThat(toRecord()).isEqualTo(before);
    }

    private long toRecord() {
        return of(DAY_CENTRE).stream().filter(t -> t.what().contains("with delivery to record"))
                .mapToLong(ThingToDo::count).sum();
    }

    @Test
    void aProviderIsToldItsChecksAreDecidedOnItsHomePageAndByEmail() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String username = "checked.provider." + n;
        String contact = "pat.checked." + n + "@example.org";
        long area = TestArea.areaId(actingAs);
        long organisationId = SystemActor.asAdministrator(() -> providers.register(new RegisterProvider(
                "Checked Care " + n + " " + System.nanoTime(), area, "TF7", null, "Pat Checked", contact, null, username,
                TestArea.PASSWORD, TestArea.PASSWORD))).profile().organisationId();
        assertThat(going(of(username), "/provider/listings")).isEmpty();
        var before = org.wholecare.TestMail.seen(smtpServer);
        actingAs.run(COMMISSIONER, () -> providerDecisions.decide(organisationId, ProviderStatus.VERIFIED, null));
        delivery.deliverDue();
        List<MimeMessage> mail = org.wholecare.TestMail.receivedSince(smtpServer, before, contact);
        assertThat(mail).singleElement().satisfies(m -> assertThat(m.getSubject())
                .isEqualTo("Your organisation's checks on Wholecare"));
        assertThat(going(of(username), "/provider/listings")).singleElement().satisfies(t -> assertThat(t.what())
                .startsWith("Your organisation's checks are done: it is verified"));
        // a fortnight later it has gone from the list
        clock.advance(java.time.Duration.ofDays(15));
        try {
            assertThat(going(of(username), "/provider/listings")).isEmpty();
        } finally {
            clock.advance(java.time.Duration.ofDays(-15));
        }
    }
}
