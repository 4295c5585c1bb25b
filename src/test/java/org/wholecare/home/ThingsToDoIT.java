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
        List<ThingToDo> provider = going(of(DAY_CENTRE), "/provider/bookings");
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
        List<ThingToDo> commissioner = going(of(COMMISSIONER), "/commissioner/payments");
        long disputes = actingAs.run(COMMISSIONER, () -> invoices.disputesInMyArea().size());
        assertThat(commissioner).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(disputes));
        // nobody else is told of it
        assertThat(of(TestArea.BROKER)).isEmpty();
        assertThat(going(of(HOLDER), "/purchases")).noneSatisfy(t -> assertThat(t.what()).contains("Todo"));
    }
}
