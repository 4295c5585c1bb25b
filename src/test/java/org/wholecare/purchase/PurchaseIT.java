package org.wholecare.purchase;

import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.BROKERAGE_NAME;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;
import static org.wholecare.TestArea.PHYSIO;

import org.wholecare.consent.ConsentChanges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.HolderSummary;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerService;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingInput;
import org.wholecare.marketplace.ListingService;
import org.wholecare.marketplace.ListingStatus;
import org.wholecare.marketplace.ReviewService;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.payment.Payouts;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

/** The purchase lifecycle against the real database: every figure in the ledger follows each step. */
@IntegrationTest
class PurchaseIT {

    @Autowired java.time.Clock clock;

    /** Today by the app's clock, which the tests move: never the machine's own, which may be a day apart. */
    private java.time.LocalDate today() {
        return org.wholecare.shared.UkTime.today(clock);
    }

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PASSWORD = "a long enough password";

    @Autowired Bookings bookings;
    @Autowired ProviderBookings providerBookings;
    @Autowired Invoices invoices;
    @Autowired PurchaseJobs jobs;
    @Autowired Payouts payments;
    @Autowired PaymentStatuses paymentStatuses;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired LedgerService ledger;
    @Autowired SearchService search;
    @Autowired ListingService listings;
    @Autowired ReviewService reviews;
    @Autowired org.wholecare.marketplace.ProviderService providers;
    @Autowired org.wholecare.marketplace.ProviderDecisions providerDecisions;
    @Autowired AccountService accounts;
    @Autowired org.wholecare.security.Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.wholecare.budget.StatementService statements;
    @Autowired org.wholecare.consent.ConsentService consent;
    @Autowired ConsentChanges consentChanges;
    @Autowired org.wholecare.brokerage.Proposals proposals;

    private record Person(String username, String carer, HolderSummary holder, BudgetSummary budget) {
    }

    /** A holder in TF4 with a carer who may buy for them, and a budget of the given council money. */
    private Person newHolder(long councilPence) {
        long n = SEQUENCE.incrementAndGet();
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Buyer " + n,
                "buyer." + n, LocalDate.of(1955, 2, 2), BudgetTestData.nextNhsNumber(), "TF4", "Carer " + n,
                "buyer.carer." + n, "Son")));
        accept(registered.holderInvitation().link().url());
        accept(registered.representativeInvitation().link().url());
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, registered.holder(),
                Map.of(FundingStream.COUNCIL_SOCIAL_CARE, councilPence, FundingStream.NHS_HEALTH, councilPence));
        return new Person("buyer." + n, "buyer.carer." + n, registered.holder(), budget);
    }

    private void accept(String url) {
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
    }

    private long listing(String words) {
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(words, null, "TF4", null, null, null,
                null, 0, 5)).results().getFirst().listing().id());
    }

    @Test
    void aPersonWithNoAssessedContributionBuysDayActivitiesWithTheCouncilPayingThatShareAndIsToldSo() {
        // Day activities are 70% council, 30% assessed contribution; this person has none of the latter
        Person p = newHolder(500_000);
        long dayCentre = listing("Day centre with lunch");
        Booking booking = new Booking(p.holder().id(), dayCentre, 1, Booking.Frequency.WEEKLY, 2,
                org.wholecare.TestArea.dayCentreDayFrom(today().plusDays(1)), null, "key-" + SEQUENCE.incrementAndGet(),
                null);
        BookingPreview shown = actingAs.run(p.username(), () -> bookings.preview(booking));
        assertThat(shown.problems()).isEmpty();
        assertThat(shown.split()).containsExactly(new StreamAmount(FundingStream.COUNCIL_SOCIAL_CARE, 9_600));
        assertThat(shown.splitNotes()).containsExactly("Assessed contribution has no money in this budget, so "
                + "Council social care pays its share (£28.80).");
        actingAs.run(p.username(), () -> bookings.book(booking, shown));
        var council = balance(p).stream(FundingStream.COUNCIL_SOCIAL_CARE);
        assertThat(council.committed()).isEqualTo(9_600);
        assertThat(balance(p).stream(FundingStream.ASSESSED_CONTRIBUTION).committed()).isZero();
    }

    @Test
    void thePrivateTopUpPaysWhatTheCouncilHasRunOutForAndIsSpentWhenTheInvoiceIsConfirmed() {
        // £50.00 of council money; a £48.00 day is all council's, then a second one is £2.00 council, £46.00 top-up
        Person p = newHolder(5_000);
        long dayCentre = listing("Day centre with lunch");
        LocalDate day = org.wholecare.TestArea.dayCentreDayFrom(today().plusDays(1));
        Booking first = new Booking(p.holder().id(), dayCentre, 1, Booking.Frequency.ONE_OFF, 1, day, null,
                "key-" + SEQUENCE.incrementAndGet(), null);
        actingAs.run(p.username(), () -> bookings.book(first, bookings.preview(first)));
        Booking second = new Booking(p.holder().id(), dayCentre, 1, Booking.Frequency.ONE_OFF, 1, day, null,
                "key-" + SEQUENCE.incrementAndGet(), null);
        BookingPreview refused = actingAs.run(p.username(), () -> bookings.preview(second));
        assertThat(refused.problems()).containsExactly("Council social care would pay £48.00 but has only £2.00 left.");
        // the person adds £60.00 by card (as the card payment's webhook does)
        org.wholecare.security.SystemActor.asAdministrator(() -> ledger.allocate(p.budget().id(),
                FundingStream.PRIVATE_TOP_UP, 6_000, new org.wholecare.ledger.LedgerRequest(null, null,
                        "Added by card", "test-top-up-" + SEQUENCE.incrementAndGet(), null)));
        BookingPreview shown = actingAs.run(p.username(), () -> bookings.preview(second));
        assertThat(shown.problems()).isEmpty();
        assertThat(shown.split()).containsExactly(new StreamAmount(FundingStream.COUNCIL_SOCIAL_CARE, 200),
                new StreamAmount(FundingStream.PRIVATE_TOP_UP, 4_600));
        assertThat(shown.splitNotes()).contains("Council social care has only £2.00 left, so the private top-up "
                + "(money added by card) pays £46.00 of its share.");
        Purchase booked = actingAs.run(p.username(), () -> bookings.book(second, shown));
        assertThat(balance(p).stream(FundingStream.PRIVATE_TOP_UP).committed()).isEqualTo(4_600);
        assertThat(balance(p).stream(FundingStream.COUNCIL_SOCIAL_CARE).available()).isZero();
        // delivered, invoiced and confirmed: the top-up's part is spent, the council's too
        actingAs.run(DAY_CENTRE, () -> providerBookings.accept(booked.id()));
        // as if the day had come (the test does not wait for it)
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", today(), today(), booked.id());
        actingAs.run(DAY_CENTRE, () -> providerBookings.recordDelivery(booked.id(), 1, today()));
        Purchase invoiced = actingAs.run(DAY_CENTRE, () -> providerBookings.raiseInvoice(booked.id(), 1));
        actingAs.run(p.username(), () -> invoices.confirm(invoiced.invoices().getFirst().id()));
        assertThat(balance(p).stream(FundingStream.PRIVATE_TOP_UP).spent()).isEqualTo(4_600);
        assertThat(balance(p).stream(FundingStream.PRIVATE_TOP_UP).available()).isEqualTo(1_400);
        assertThat(balance(p).stream(FundingStream.COUNCIL_SOCIAL_CARE).spent()).isEqualTo(200);
    }

    @Test
    void aBookingIsMadeAtTheCostThePersonWasShownOrRefusedWithTheNewCostAndNothingSetAside() {
        Person p = newHolder(500_000);
        long morning = listing("Morning help");
        Listing listing = actingAs.run(HOLDER, () -> search.listing(morning, "TF4")).listing();
        Booking booking = booking(p, morning, 1, Booking.Frequency.ONE_OFF, 1);
        BookingPreview shown = actingAs.run(p.username(), () -> bookings.preview(booking));
        long availableBefore = available(p);
        long newPrice = listing.pricePence() + 650;
        try {
            // the provider changes the price while the person reads the cost
            actingAs.run(HOME_CARE, () -> listings.save(morning, new ListingInput(listing.categoryId(), listing.title(),
                    listing.description(), listing.unit(), newPrice, listing.districts(), listing.days(), listing.times(),
                    String.join(", ", listing.languages()), listing.accessibility(), listing.status())));
            assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookings.book(booking, shown)))
                    .isInstanceOfSatisfying(CostChangedException.class, e -> {
                        assertThat(e.now().totalPence()).isEqualTo(newPrice);
                        assertThat(e.getMessage()).contains("it is now " + org.wholecare.shared.Money.format(newPrice),
                                "you were shown "
                                + org.wholecare.shared.Money.format(shown.totalPence()), "Nothing has been booked");
                    });
            assertThat(available(p)).isEqualTo(availableBefore);
            assertThat(actingAs.run(p.username(), () -> bookings.purchasesOf(p.holder().id()))).isEmpty();
            // no cost shown at all is refused the same way
            assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookings.book(booking, null)))
                    .isInstanceOf(CostChangedException.class).hasMessageContaining("Check the cost");
            // confirming the new cost books it, at that cost
            BookingPreview now = actingAs.run(p.username(), () -> bookings.preview(booking));
            Purchase booked = actingAs.run(p.username(), () -> bookings.book(booking, now));
            assertThat(booked.totalPence()).isEqualTo(newPrice);
            assertThat(available(p)).isEqualTo(availableBefore - newPrice);
        } finally {
            actingAs.run(HOME_CARE, () -> listings.save(morning, new ListingInput(listing.categoryId(), listing.title(),
                    listing.description(), listing.unit(), listing.pricePence(), listing.districts(), listing.days(),
                    listing.times(), String.join(", ", listing.languages()), listing.accessibility(), listing.status())));
        }
    }

    /**
     * Straight to book(), with a cost that was never shown: for bookings book() itself must refuse
     * (what the preview would also refuse must be refused here too, whoever calls).
     */
    private Purchase bookWithoutLooking(Booking booking) {
        return bookings.book(booking, new BookingPreview("Anything", "Anyone", 100, "hour", 1, 1,
                today(), 100, List.of(), List.of(), List.of()));
    }

    /** As the booking page does: check the cost, then book at what it showed. */
    private Purchase bookAsShown(Booking booking) {
        return bookings.book(booking, bookings.preview(booking));
    }

    private Booking booking(Person p, long listingId, int quantity, Booking.Frequency frequency, int occurrences) {
        return new Booking(p.holder().id(), listingId, quantity, frequency, occurrences, today().plusDays(1),
                null, "key-" + SEQUENCE.incrementAndGet(), null);
    }

    private long available(Person p) {
        return balance(p).available();
    }

    private org.wholecare.ledger.BudgetBalance balance(Person p) {
        return actingAs.run(COMMISSIONER, () -> ledger.balance(p.budget().id()));
    }

    @Test
    void aBookingCommitsThenDeliveryAndAConfirmedInvoiceBecomeSpendAndAPayment() {
        Person p = newHolder(200_000);
        long morning = listing("Morning help"); // £24.50 an hour, personal care: 60% council, 40% NHS
        BookingPreview preview = actingAs.run(p.username(), () -> bookings.preview(
                booking(p, morning, 2, Booking.Frequency.WEEKLY, 4)));
        assertThat(preview.totalPence()).isEqualTo(2 * 4 * 2_450);
        assertThat(preview.split()).extracting(s -> s.pence()).containsExactlyInAnyOrder(11_760L, 7_840L);
        assertThat(preview.canBook()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                p.holder().id())).isZero();

        Booking booking = booking(p, morning, 2, Booking.Frequency.WEEKLY, 4);
        Purchase purchase = actingAs.run(p.username(), () -> bookAsShown(booking));
        // a double submit books once
        assertThat(actingAs.run(p.username(), () -> bookAsShown(booking)).id()).isEqualTo(purchase.id());
        assertThat(available(p)).isEqualTo(400_000 - 19_600);
        assertThat(balance(p).committed()).isEqualTo(19_600);

        assertThatThrownBy(() -> actingAs.run(PHYSIO, () -> providerBookings.accept(purchase.id())))
                .isInstanceOf(AccessDeniedException.class);
        actingAs.run(HOME_CARE, () -> providerBookings.accept(purchase.id()));
        // no invoice before delivery, and never for more than was delivered
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchase.id(), 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Record the delivery");
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(purchase.id(), 3,
                today().plusDays(3)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("deliveredOn"));
        jdbc.update("UPDATE purchase SET start_date = ? WHERE id = ?", today().minusDays(7), purchase.id());
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(purchase.id(), 3, today()));
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchase.id(), 4)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Only 3 delivered");
        Purchase invoiced = actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchase.id(), 3));
        long invoiceId = invoiced.invoices().getFirst().id();
        // delivered and invoiced is not yet a verified purchase: no review until the invoice is confirmed
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> reviews.leave(invoiced.providerId(), 5, "Early")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("review");
        assertThat(actingAs.run(p.username(), () -> reviews.whyCannotReview(invoiced.providerId()))).get(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("bought and received");
        // the provider's steps are in the holder's "who has looked" log
        assertThat(actingAs.run(p.username(), () -> consent.accessLog(p.holder().id())))
                .extracting(org.wholecare.consent.AccessLogEntry::action)
                .contains("Accepted the booking of Morning help at home", "Recorded delivery of 3 hours of Morning help "
                        + "at home", "Sent an invoice for £73.50 for Morning help at home");

        // someone else's invoice, by id
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> invoices.confirm(invoiceId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> invoices.confirm(invoiceId)))
                .isInstanceOf(AccessDeniedException.class);
        Purchase confirmed = actingAs.run(p.carer(), () -> invoices.confirm(invoiceId));
        assertThat(confirmed.spentPence()).isEqualTo(3 * 2_450);
        var balance = balance(p);
        assertThat(balance.spent()).isEqualTo(7_350);
        assertThat(balance.committed()).isEqualTo(19_600 - 7_350);
        assertThat(balance.available() + balance.committed() + balance.spent()).isEqualTo(400_000);
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> invoices.confirm(invoiceId)))
                .isInstanceOf(ValidationException.class);

        // without Stripe keys the payment waits for a commissioner to record it settled outside Stripe
        assertThat(confirmed.invoices().getFirst().paymentStatus()).isEqualTo("Waiting to be settled outside Stripe");
        var waiting = actingAs.run(COMMISSIONER, () -> payments.waitingInMyArea()).stream()
                .filter(w -> w.invoiceId() == invoiceId).findFirst().orElseThrow();
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> {
            payments.recordSettledOutside(waiting.id(), " ");
            return null;
        })).isInstanceOf(ValidationException.class);
        actingAs.run(COMMISSIONER, () -> {
            payments.recordSettledOutside(waiting.id(), "BACS from the council, ref 4471");
            return null;
        });
        assertThat(paymentStatuses.ofInvoices(List.of(invoiceId)).get(invoiceId)).isEqualTo("Settled outside Stripe");
        // and the month's statement says so next to the spend
        var statement = actingAs.run(p.username(), () -> statements.statement(p.budget().id(),
                java.time.YearMonth.now()));
        assertThat(statement.lines()).anySatisfy(line -> assertThat(line.description())
                .startsWith("Paid to a provider").contains("(Settled outside Stripe)"));

        // delivered, so the holder may now review the provider
        long riverside = confirmed.providerId();
        assertThat(actingAs.run(p.username(), () -> reviews.whyCannotReview(riverside))).isEmpty();
        actingAs.run(p.username(), () -> reviews.leave(riverside, 5, "Kind and always on time"));
        // and the listing page now says so instead of offering the form again
        assertThat(actingAs.run(p.username(), () -> reviews.whyCannotReview(riverside))).get(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("You have already reviewed");

        // cancelling gives back what was not delivered
        actingAs.run(p.username(), () -> bookings.cancel(purchase.id()));
        assertThat(balance(p).committed()).isZero();
        assertThat(available(p)).isEqualTo(400_000 - 7_350);
    }

    @Test
    void badBookingsAreRefusedWithAClearMessageAndNothingChanges() {
        Person p = newHolder(200_000);
        long morning = listing("Morning help");
        for (int quantity : new int[] {0, -2, 10_000, 25}) {
            assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(
                    booking(p, morning, quantity, Booking.Frequency.ONE_OFF, 1))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("quantity"));
        }
        // hours are booked whole: 1.5 gets a message, not a silent 15 or 1
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(new Booking(p.holder().id(), morning,
                new java.math.BigDecimal("1.5"), Booking.Frequency.ONE_OFF, 1, today().plusDays(1), null,
                "fraction", null)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors().get("quantity")).contains("whole hours"));
        // a part of the plan that is not in the person's agreed plan
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(new Booking(p.holder().id(), morning,
                1, Booking.Frequency.ONE_OFF, 1, today().plusDays(1), "Something made up", "no-plan", null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("planLine"));
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(new Booking(p.holder().id(), morning,
                1, Booking.Frequency.ONE_OFF, 1, today().minusDays(1), null, "past", null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("startDate"));
        // more than the budget holds: the stream that lacks money is named
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(
                booking(p, morning, 24, Booking.Frequency.WEEKLY, 30))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Council social care");
        // a paused listing
        String provider = DAY_CENTRE;
        var paused = actingAs.run(provider, () -> listings.mine()).stream()
                .filter(l -> l.title().equals("Personal care at the day centre")).findFirst().orElseThrow();
        actingAs.run(provider, () -> listings.save(paused.id(), new ListingInput(paused.categoryId(), paused.title(),
                paused.description(), paused.unit(), paused.pricePence(), paused.districts(), paused.days(),
                paused.times(), String.join(", ", paused.languages()), paused.accessibility(), ListingStatus.PAUSED)));
        try {
            assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(
                    booking(p, paused.id(), 1, Booking.Frequency.ONE_OFF, 1))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("listing"));
        } finally {
            actingAs.run(provider, () -> listings.save(paused.id(), new ListingInput(paused.categoryId(), paused.title(),
                    paused.description(), paused.unit(), paused.pricePence(), paused.districts(), paused.days(),
                    paused.times(), String.join(", ", paused.languages()), paused.accessibility(), ListingStatus.PUBLISHED)));
        }
        // a suspended provider's service cannot be booked
        long dayCentre = paused.organisationId();
        long dayCentreService = actingAs.run(provider, () -> listings.mine()).stream()
                .filter(l -> l.title().equals("Day centre with lunch and activities")).findFirst().orElseThrow().id();
        actingAs.run(COMMISSIONER, () -> providerDecisions.decide(dayCentre, org.wholecare.marketplace.ProviderStatus.SUSPENDED,
                "Checking a safeguarding concern"));
        try {
            assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(
                    booking(p, dayCentreService, 1, Booking.Frequency.ONE_OFF, 1))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("listing"));
        } finally {
            actingAs.run(COMMISSIONER, () -> providerDecisions.decide(dayCentre,
                    org.wholecare.marketplace.ProviderStatus.VERIFIED, "Concern looked into and closed"));
        }
        // someone with no consent
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> bookWithoutLooking(
                booking(p, morning, 1, Booking.Frequency.ONE_OFF, 1)))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                p.holder().id())).isZero();
        assertThat(available(p)).isEqualTo(400_000);
    }

    @Test
    void noMoreIsRecordedAsDeliveredThanWasDueByTheDayItWasDelivered() {
        Person p = newHolder(100_000);
        long morning = listing("Morning help");
        // 1 hour a week for 4 weeks, starting today: 1 hour is due today, 2 by next week
        Purchase weekly = actingAs.run(p.username(), () -> bookAsShown(booking(p, morning, 1,
                Booking.Frequency.WEEKLY, 4)));
        jdbc.update("UPDATE purchase SET start_date = ? WHERE id = ?", today(), weekly.id());
        actingAs.run(HOME_CARE, () -> providerBookings.accept(weekly.id()));
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 3,
                today()))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                .containsOnlyKeys("units").containsEntry("units", "Only 1 more hour was due by "
                        + org.wholecare.shared.UkTime.day(today()) + ". Record each visit once it has happened."));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 1, today()));
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 1,
                today()))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                .containsEntry("units", "Nothing more was due by " + org.wholecare.shared.UkTime.day(today())
                        + ". Record each visit once it has happened."));
        // so no more than that can be invoiced either
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(weekly.id(), 2)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Only 1 delivered");

        // two weeks later (the start moved back): a forgotten first week can still be recorded on its
        // own day, but never so that more is recorded by a day than was due by it
        jdbc.update("UPDATE purchase SET start_date = ? WHERE id = ?", today().minusWeeks(2), weekly.id());
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 2,
                today().minusWeeks(2)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("units"));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 1, today().minusWeeks(2)));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 1, today().minusWeeks(1)));
        // by last week 2 were due and 2 are recorded: one more then would be ahead of what was due
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(weekly.id(), 1,
                today().minusWeeks(1)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("units"));
        assertThat(jdbc.queryForObject("SELECT SUM(units) FROM delivery WHERE purchase_id = ?", Integer.class,
                weekly.id())).isEqualTo(3);
    }

    @Test
    void theStartOfABookingIsADayTheServiceRuns() {
        Person p = newHolder(100_000);
        var evening = actingAs.run(HOME_CARE, () -> listings.mine()).stream()
                .filter(l -> l.title().equals("Evening and weekend care")).findFirst().orElseThrow();
        java.time.LocalDate tuesday = today().with(java.time.temporal.TemporalAdjusters.next(
                java.time.DayOfWeek.TUESDAY));
        Booking onTuesday = new Booking(p.holder().id(), evening.id(), java.math.BigDecimal.ONE,
                Booking.Frequency.WEEKLY, 2, tuesday, null, "key-" + SEQUENCE.incrementAndGet(), null);
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookings.preview(onTuesday)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("startDate"));
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(onTuesday)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("startDate").extractingByKey("startDate").asString()
                        .startsWith("Evening and weekend care runs on Friday, Saturday and Sunday."));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                p.holder().id())).isZero();
    }

    @Test
    void aDeclineReleasesTheMoneyAndADisputeIsSettledByACommissioner() {
        Person p = newHolder(100_000);
        long morning = listing("Morning help");
        Purchase declined = actingAs.run(p.username(), () -> bookAsShown(booking(p, morning, 2, Booking.Frequency.ONE_OFF, 1)));
        actingAs.run(HOME_CARE, () -> providerBookings.decline(declined.id(), "No carers free that week"));
        assertThat(available(p)).isEqualTo(200_000);

        Purchase p2 = actingAs.run(p.username(), () -> bookAsShown(booking(p, morning, 2, Booking.Frequency.ONE_OFF, 1)));
        jdbc.update("UPDATE purchase SET start_date = ? WHERE id = ?", today(), p2.id());
        actingAs.run(HOME_CARE, () -> providerBookings.accept(p2.id()));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(p2.id(), 2, today()));
        long invoiceId = actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(p2.id(), 2)).invoices().getFirst().id();
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> invoices.dispute(invoiceId, "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        actingAs.run(p.username(), () -> invoices.dispute(invoiceId, "Only one visit happened"));
        assertThat(actingAs.run(COMMISSIONER, () -> invoices.disputesInMyArea())).extracting(Purchase::id).contains(p2.id());
        actingAs.run(COMMISSIONER, () -> invoices.resolveDispute(invoiceId, true, "Provider's visit log shows two visits"));
        assertThat(balance(p).spent()).isEqualTo(4_900);
    }

    @Test
    void twoDelegatesBuyingAtTheSameMomentCannotOverspend() throws Exception {
        // £60 of council money: each booking of 2 hours at £24.50 takes £29.40 of it (60%), so two fit
        Person p = newHolder(6_000);
        actingAs.run(p.username(), () -> consentChanges.grantToBrokerage(brokerageId(),
                org.wholecare.consent.ConsentScope.PURCHASE, today().plusMonths(1)));
        long morning = listing("Morning help");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // two delegates (the carer and the broker), each pressing twice
        long succeeded = bookedAtOnce(pool, List.of(p.carer(), BROKER, p.carer(), BROKER).stream()
                .<Runnable>map(who -> () -> actingAs.run(who, () -> bookAsShown(booking(p, morning, 2,
                        Booking.Frequency.ONE_OFF, 1)))).toList());
        var balance = balance(p);
        assertThat(succeeded).isEqualTo(2);
        assertThat(balance.committed()).isEqualTo(2 * 4_900);
        assertThat(balance.streams()).allSatisfy(s -> assertThat(s.available()).isNotNegative());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                p.holder().id())).isEqualTo(2);
    }

    /** Starts every booking at the same moment; returns how many were made (the rest were refused). */
    private static long bookedAtOnce(ExecutorService pool, List<Runnable> attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Runnable attempt : attempts) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    attempt.run();
                    return true;
                } catch (ValidationException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        long succeeded = 0;
        for (Future<Boolean> result : results) {
            succeeded += result.get() ? 1 : 0;
        }
        pool.shutdown();
        return succeeded;
    }

    @Test
    void eightBookersSpreadOverTwoInstancesNeverOverspendOneBudget() throws Exception {
        // £60 of council money again: two bookings of 2 hours fit, whichever instance takes them
        Person p = newHolder(6_000);
        long morning = listing("Morning help");
        try (var second = org.wholecare.SecondInstance.on(dataSource)) {
            Bookings elsewhere = second.bean(Bookings.class);
            List<Runnable> bookers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Bookings instance = i % 2 == 0 ? bookings : elsewhere;
                bookers.add(() -> actingAs.run(p.username(), () -> {
                    Booking booking = booking(p, morning, 2, Booking.Frequency.ONE_OFF, 1);
                    return instance.book(booking, instance.preview(booking));
                }));
            }
            long succeeded = bookedAtOnce(Executors.newFixedThreadPool(8), bookers);
            assertThat(succeeded).isEqualTo(2);
        }
        var balance = balance(p);
        assertThat(balance.committed()).isEqualTo(2 * 4_900);
        assertThat(balance.streams()).allSatisfy(s -> assertThat(s.available()).isNotNegative());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                p.holder().id())).isEqualTo(2);
        // the books balance: every entry's lines sum to zero
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT l.entry_id FROM ledger_line l WHERE l.budget_id = ? "
                + "GROUP BY l.entry_id HAVING SUM(l.amount_pence) <> 0) unbalanced", Long.class, p.budget().id()))
                .isZero();
    }

    @Test
    void anAcceptedProposalBecomesAPurchaseOnce() {
        Person p = newHolder(100_000);
        actingAs.run(p.username(), () -> consentChanges.grantToBrokerage(jdbc.queryForObject(
                "SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME),
                org.wholecare.consent.ConsentScope.PROPOSE, today().plusMonths(1)));
        long morning = listing("Morning help");
        var proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), morning, 2,
                org.wholecare.brokerage.Proposal.Frequency.WEEKLY, today().plusDays(2), "Mornings"));
        // a broker who may only propose cannot book
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> bookWithoutLooking(new Booking(p.holder().id(), morning, 2,
                Booking.Frequency.WEEKLY, 4, today().plusDays(2), null, "x", proposal.id()))))
                .isInstanceOf(AccessDeniedException.class);
        actingAs.run(p.username(), () -> proposals.decide(proposal.id(), true, "Yes"));
        // a proposal must be for what was proposed
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(new Booking(p.holder().id(), morning,
                3, Booking.Frequency.WEEKLY, 4, today().plusDays(2), null, "more", proposal.id()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("service and amount proposed");
        Booking fromProposal = new Booking(p.holder().id(), morning, 2, Booking.Frequency.WEEKLY, 4,
                today().plusDays(2), null, "proposal-" + proposal.id(), proposal.id());
        Purchase booked = actingAs.run(p.username(), () -> bookAsShown(fromProposal));
        assertThat(actingAs.run(p.username(), () -> bookAsShown(fromProposal)).id()).isEqualTo(booked.id());
        assertThat(actingAs.run(p.username(), () -> bookings.bookedProposals(p.holder().id()))).containsExactly(proposal.id());
        assertThat(booked.totalPence()).isEqualTo(2 * 4 * 2_450);
        // booked twice under another key: refused, the proposal is booked already
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(new Booking(p.holder().id(), morning,
                2, Booking.Frequency.WEEKLY, 4, today().plusDays(2), null, "again", proposal.id()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already booked");
        // declined by the provider, it can be booked again
        actingAs.run(HOME_CARE, () -> providerBookings.decline(booked.id(), "No carers free on those mornings"));
        Purchase rebooked = actingAs.run(p.username(), () -> bookAsShown(new Booking(p.holder().id(), morning, 2,
                Booking.Frequency.WEEKLY, 4, today().plusDays(3), null, "again-after-decline", proposal.id())));
        assertThat(rebooked.id()).isNotEqualTo(booked.id());
        assertThat(rebooked.status()).isEqualTo(Purchase.Status.REQUESTED);

        // a proposal still waiting for the person, or another person's, cannot be booked
        var waiting = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), morning, 1,
                org.wholecare.brokerage.Proposal.Frequency.ONE_OFF, today().plusDays(2), "One more"));
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> bookWithoutLooking(new Booking(p.holder().id(), morning,
                1, Booking.Frequency.ONE_OFF, 1, today().plusDays(2), null, "not-yet", waiting.id()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Only an accepted proposal");
        Person other = newHolder(100_000);
        assertThatThrownBy(() -> actingAs.run(other.username(), () -> bookWithoutLooking(new Booking(other.holder().id(),
                morning, 2, Booking.Frequency.WEEKLY, 4, today().plusDays(2), null, "theirs", proposal.id()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not one of this person's");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                other.holder().id())).isZero();
    }

    private long brokerageId() {
        return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
    }

    /** A one-off booking of {@code hours} of morning help, accepted, delivered today and invoiced; the invoice id. */
    private long invoiced(Person p, int hours) {
        long morning = listing("Morning help");
        Purchase purchase = actingAs.run(p.username(), () -> bookAsShown(booking(p, morning, hours,
                Booking.Frequency.ONE_OFF, 1)));
        jdbc.update("UPDATE purchase SET start_date = ? WHERE id = ?", today(), purchase.id());
        actingAs.run(HOME_CARE, () -> providerBookings.accept(purchase.id()));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(purchase.id(), hours, today()));
        return actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchase.id(), hours)).invoices().getFirst().id();
    }

    private long purchaseOf(long invoiceId) {
        return jdbc.queryForObject("SELECT purchase_id FROM invoice WHERE id = ?", Long.class, invoiceId);
    }

    @Test
    void aRejectedInvoiceSettlesItsUnitsAtNothingAndTheMoneyGoesBack() {
        Person p = newHolder(100_000);
        long invoiceId = invoiced(p, 2);
        long purchaseId = purchaseOf(invoiceId);
        actingAs.run(p.username(), () -> invoices.dispute(invoiceId, "Nobody came on Tuesday"));
        // the holder cannot confirm a disputed invoice behind the commissioner's back
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> invoices.confirm(invoiceId)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("disputed");
        actingAs.run(COMMISSIONER, () -> invoices.resolveDispute(invoiceId, false, "No visit record for Tuesday"));
        // nothing spent, nothing still set aside, and the units cannot be invoiced again
        var balance = balance(p);
        assertThat(balance.spent()).isZero();
        assertThat(balance.committed()).isZero();
        assertThat(balance.available()).isEqualTo(200_000);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchaseId, 2)))
                .isInstanceOf(ValidationException.class);
        assertThat(jdbc.queryForObject("SELECT status FROM purchase WHERE id = ?", String.class, purchaseId))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE invoice_id = ?", Long.class, invoiceId))
                .isZero();
        // the commissioner who decided is on the record, and so is the person who disputed
        assertThat(jdbc.queryForObject("SELECT resolved_by IS NOT NULL AND decided_by IS NOT NULL FROM invoice "
                + "WHERE id = ?", Boolean.class, invoiceId)).isTrue();
    }

    @Test
    void theHourlyAutoConfirmRunsOnceAnHourWhicheverInstanceCallsIt() {
        Person p = newHolder(100_000);
        long first = invoiced(p, 1);
        long second = invoiced(p, 1);
        jdbc.update("UPDATE invoice SET raised_at = DATE_SUB(raised_at, INTERVAL 15 DAY) WHERE id = ?", first);
        // free the lock (the app's own hourly run may hold it); ShedLock remembers that the row exists,
        // so it must stay
        freeConfirmOverdueLock();
        try {
            jobs.confirmOverdue();
            assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, first))
                    .isEqualTo("CONFIRMED");
            // another instance's turn a few minutes later, within the hour: the lock says it has been done
            jdbc.update("UPDATE invoice SET raised_at = DATE_SUB(raised_at, INTERVAL 15 DAY) WHERE id = ?", second);
            jobs.confirmOverdue();
            assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, second))
                    .isEqualTo("RAISED");
            assertThat(jdbc.queryForObject("SELECT lock_until > DATE_ADD(NOW(3), INTERVAL 45 MINUTE) FROM shedlock "
                    + "WHERE name = 'invoices-confirm-overdue'", Boolean.class)).isTrue();
        } finally {
            freeConfirmOverdueLock();
        }
    }

    private void freeConfirmOverdueLock() {
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('invoices-confirm-overdue', "
                + "DATE_SUB(NOW(3), INTERVAL 1 SECOND), NOW(3), 'PurchaseIT') ON DUPLICATE KEY UPDATE "
                + "lock_until = DATE_SUB(NOW(3), INTERVAL 1 SECOND)");
    }

    @Test
    void theAutoConfirmLeavesADisputedInvoiceAlone() {
        Person p = newHolder(100_000);
        long invoiceId = invoiced(p, 1);
        jdbc.update("UPDATE invoice SET raised_at = DATE_SUB(raised_at, INTERVAL 15 DAY) WHERE id = ?", invoiceId);
        actingAs.run(p.username(), () -> invoices.dispute(invoiceId, "Wrong day"));
        actingAs.run(ADMIN, () -> invoices.confirmOverdue());
        assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, invoiceId))
                .isEqualTo("DISPUTED");
        assertThat(balance(p).spent()).isZero();
    }

    @Test
    void aConfirmAndADisputeAtTheSameMomentCannotBothHappen() throws Exception {
        for (int round = 0; round < 3; round++) {
            Person p = newHolder(100_000);
            long invoiceId = invoiced(p, 2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            Future<Boolean> confirm = pool.submit(() -> {
                start.await();
                try {
                    actingAs.run(p.carer(), () -> invoices.confirm(invoiceId));
                    return true;
                } catch (ValidationException e) {
                    return false;
                }
            });
            Future<Boolean> dispute = pool.submit(() -> {
                start.await();
                try {
                    actingAs.run(p.username(), () -> invoices.dispute(invoiceId, "Not sure about this"));
                    return true;
                } catch (ValidationException e) {
                    return false;
                }
            });
            start.countDown();
            boolean confirmed = confirm.get();
            boolean disputed = dispute.get();
            pool.shutdown();
            assertThat(confirmed ^ disputed).as("exactly one of confirm and dispute wins").isTrue();
            String status = jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, invoiceId);
            assertThat(status).isEqualTo(confirmed ? "CONFIRMED" : "DISPUTED");
            assertThat(balance(p).spent()).isEqualTo(confirmed ? 4_900 : 0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE invoice_id = ?", Long.class, invoiceId))
                    .isEqualTo(confirmed ? 1 : 0);
        }
    }

    @Test
    void anInvoiceNobodyAnswersIsConfirmedAutomaticallyAfterTheSetTime() {
        Person p = newHolder(100_000);
        long morning = listing("Morning help");
        Purchase purchase = actingAs.run(p.username(), () -> bookAsShown(booking(p, morning, 1,
                Booking.Frequency.ONE_OFF, 1)));
        jdbc.update("UPDATE purchase SET start_date = ? WHERE id = ?", today(), purchase.id());
        actingAs.run(HOME_CARE, () -> providerBookings.accept(purchase.id()));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(purchase.id(), 1, today()));
        long invoiceId = actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchase.id(), 1)).invoices().getFirst().id();
        actingAs.run(ADMIN, () -> invoices.confirmOverdue());
        assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, invoiceId)).isEqualTo("RAISED");
        // as if raised 15 days ago (the default is 14)
        jdbc.update("UPDATE invoice SET raised_at = DATE_SUB(raised_at, INTERVAL 15 DAY) WHERE id = ?", invoiceId);
        actingAs.run(ADMIN, () -> invoices.confirmOverdue());
        assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE id = ?", String.class, invoiceId))
                .isEqualTo("CONFIRMED");
        assertThat(balance(p).spent()).isEqualTo(2_450);
        assertThat(jdbc.queryForObject("SELECT resolution FROM invoice WHERE id = ?", String.class, invoiceId))
                .contains("automatically");
    }
}
