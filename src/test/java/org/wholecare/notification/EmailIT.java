package org.wholecare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.purchase.Purchase;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.security.YourDetails;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * Emails through Spring's mail support to a real SMTP server started with the tests (GreenMail),
 * read as it received them: one to each person concerned, none to anyone else, as each chose,
 * and a mail server that is down neither undoes the change nor loses the email.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Autowired GreenMail smtpServer;
    @Autowired org.springframework.mail.javamail.JavaMailSenderImpl mailSender;
    @Autowired EmailDelivery delivery;
    @Autowired EmailPreferences preferences;
    @Autowired EmailProblems problems;
    @Autowired AccountEmails accountEmails;
    @Autowired YourDetails yourDetails;
    @Autowired Bookings bookings;
    @Autowired ProviderBookings providerBookings;
    @Autowired SearchService search;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    /** A person with a budget in TF4, a carer who acts for them, and everyone's addresses (the day centre's too). */
    private record People(long n, String holder, String carer, long holderId, String dayCentreEmail) {
        String holderEmail() {
            return holder + "@example.org";
        }

        String carerEmail() {
            return carer + "@example.org";
        }
    }

    private People people() {
        long n = SEQUENCE.incrementAndGet();
        var registered = BudgetTestData.holderWithCarer(actingAs, holders, budgets, invitations, "mail", n);
        People p = new People(n, registered.username(), registered.carer(), registered.holder().id(),
                "day.centre." + n + "@example.org");
        // what other tests left waiting goes to the addresses it was written for, not to these
        delivery.deliverDue();
        actingAs.run(ADMIN, () -> {
            accountEmails.recordFor(account(p.holder()), p.holderEmail());
            accountEmails.recordFor(account(p.carer()), p.carerEmail());
            accountEmails.recordFor(account(DAY_CENTRE), p.dayCentreEmail());
            return null;
        });
        return p;
    }

    private long account(String username) {
        return jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", Long.class, username);
    }

    private Purchase book(People p) {
        long dayCentre = actingAs.run(HOLDER, () -> search.search(new SearchQuery("Day centre with lunch", null, "TF4",
                null, null, null, null, 0, 5)).results().getFirst().listing().id());
        Booking booking = new Booking(p.holderId(), dayCentre, 1, Booking.Frequency.ONE_OFF, 1,
                TestArea.dayCentreDayFrom(UkTime.today(clock).plusDays(1)), null, "mail-" + SEQUENCE.incrementAndGet(),
                null);
        return actingAs.run(p.carer(), () -> bookings.book(booking, bookings.preview(booking)));
    }

    /** What the server received for these addresses since {@code before}. */
    private List<MimeMessage> receivedBy(java.util.Set<MimeMessage> before, String... addresses) {
        return org.wholecare.TestMail.receivedSince(smtpServer, before, addresses);
    }

    @Test
    @Order(1)
    void aBookingTellsTheProviderAndAnInvoiceTellsThePersonAndTheirCarerOnceEachWithNoDetails() throws Exception {
        People p = people();
        var before = org.wholecare.TestMail.seen(smtpServer);
        Purchase booked = book(p);
        delivery.deliverDue();
        List<MimeMessage> toProvider = receivedBy(before, p.dayCentreEmail());
        assertThat(toProvider).hasSize(1);
        assertThat(toProvider.getFirst().getSubject()).isEqualTo("A new booking is waiting for you");
        assertThat(toProvider.getFirst().getFrom()[0].toString()).contains("no-reply@wholecare.test");
        String body = GreenMailUtil.getBody(toProvider.getFirst());
        assertThat(body).contains("Please accept or decline it.").contains("/provider/bookings")
                .contains("/your-details").doesNotContain("£").doesNotContain("Day centre").doesNotContain("Mail ");
        assertThat(receivedBy(before, p.holderEmail(), p.carerEmail())).isEmpty();
        // sent, the email's text is not kept
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE account_id = ? AND status = 'SENT' "
                + "AND body = ''", Long.class, account(DAY_CENTRE))).isPositive();

        var afterBooking = org.wholecare.TestMail.seen(smtpServer);
        actingAs.run(DAY_CENTRE, () -> providerBookings.accept(booked.id()));
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", UkTime.today(clock),
                UkTime.today(clock), booked.id());
        actingAs.run(DAY_CENTRE, () -> providerBookings.recordDelivery(booked.id(), 1, UkTime.today(clock)));
        actingAs.run(DAY_CENTRE, () -> providerBookings.raiseInvoice(booked.id(), 1));
        delivery.deliverDue();
        delivery.deliverDue();
        List<MimeMessage> toHolder = receivedBy(afterBooking, p.holderEmail());
        List<MimeMessage> toCarer = receivedBy(afterBooking, p.carerEmail());
        assertThat(toHolder).hasSize(1);
        assertThat(toCarer).hasSize(1);
        assertThat(toHolder.getFirst().getSubject()).isEqualTo("You have an invoice to check");
        assertThat(toCarer.getFirst().getSubject()).isEqualTo("You have an invoice to check for Mail");
        String due = UkTime.day(UkTime.today(clock).plusDays(14));
        assertThat(GreenMailUtil.getBody(toHolder.getFirst())).contains("it will be confirmed on " + due)
                .contains("/purchases").doesNotContain("£");
        assertThat(receivedBy(afterBooking, p.dayCentreEmail())).isEmpty();
    }

    @Test
    @Order(2)
    void eachPersonsChoiceIsHonouredAndNobodyChangesAnothersOrKeepsAnAddressThatIsNotOne() throws Exception {
        People p = people();
        actingAs.run(p.carer(), () -> {
            preferences.changeMine(EmailChoice.NONE);
            return null;
        });
        actingAs.run(p.holder(), () -> {
            preferences.changeMine(EmailChoice.ANSWERS);
            return null;
        });
        assertThat(actingAs.run(p.holder(), () -> preferences.mine())).isEqualTo(EmailChoice.ANSWERS);
        assertThat(actingAs.run(DAY_CENTRE, () -> preferences.mine())).isEqualTo(EmailChoice.ALL);
        var before = org.wholecare.TestMail.seen(smtpServer);
        Purchase booked = book(p);
        actingAs.run(DAY_CENTRE, () -> providerBookings.accept(booked.id()));
        jdbc.update("UPDATE purchase SET start_date = ?, end_date = ? WHERE id = ?", UkTime.today(clock),
                UkTime.today(clock), booked.id());
        actingAs.run(DAY_CENTRE, () -> providerBookings.recordDelivery(booked.id(), 1, UkTime.today(clock)));
        actingAs.run(DAY_CENTRE, () -> providerBookings.raiseInvoice(booked.id(), 1));
        delivery.deliverDue();
        assertThat(receivedBy(before, p.holderEmail())).hasSize(1);
        assertThat(receivedBy(before, p.carerEmail())).isEmpty();

        // a mistyped address is refused at its field and the one kept stays
        assertThatThrownBy(() -> actingAs.run(p.holder(), () -> {
            yourDetails.changeMyEmail("mail.at.example.org");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("email"));
        assertThat(actingAs.run(p.holder(), () -> yourDetails.mine().email())).isEqualTo(p.holderEmail());
        // the wrong current password changes nothing
        assertThatThrownBy(() -> actingAs.run(p.holder(), () -> {
            yourDetails.changeMyPassword("not my password", "a brand new password", "a brand new password");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("current"));
        // nobody records someone else's address but an administrator
        assertThatThrownBy(() -> actingAs.run(p.holder(), () -> {
            accountEmails.recordFor(account(p.carer()), "someone@example.org");
            return null;
        })).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(actingAs.run(p.carer(), () -> yourDetails.mine().email())).isEqualTo(p.carerEmail());
    }

    @Test
    @Order(3)
    void aMailServerThatIsDownLeavesTheBookingMadeAndTheEmailIsRetriedThenShownToAdministrators() throws Exception {
        People p = people();
        // the shared server stays up for the other tests: the sender is pointed at a port nobody listens on
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        mailSender.setPort(port);
        GreenMail again = null;
        try {
            Purchase booked = book(p);
            delivery.deliverDue();
            assertThat(jdbc.queryForObject("SELECT status FROM purchase WHERE id = ?", String.class, booked.id()))
                    .isEqualTo("REQUESTED");
            Map<String, Object> row = jdbc.queryForMap("SELECT status, attempts, last_error FROM email_outbox WHERE "
                    + "account_id = ? ORDER BY id DESC LIMIT 1", account(DAY_CENTRE));
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat(row.get("last_error").toString()).isNotBlank();
            // not yet due again; then, the server back, it goes once
            again = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            again.start();
            delivery.deliverDue();
            assertThat(again.getReceivedMessages()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            delivery.deliverDue();
            delivery.deliverDue();
            assertThat(again.getReceivedMessages()).hasSize(1);

            // down for good: after six tries it is kept as failed, for administrators to see
            again.stop();
            book(p);
            for (int attempt = 0; attempt < EmailDelivery.TRIES; attempt++) {
                delivery.deliverDue();
                clock.advance(Duration.ofMinutes(40));
            }
            EmailProblems.Summary summary = actingAs.run(ADMIN, () -> problems.summary());
            assertThat(summary.mailIsSetUp()).isTrue();
            assertThat(summary.failed()).isPositive();
            assertThat(summary.recentFailures().getFirst().kind()).isEqualTo("booking-requested");
            assertThat(summary.recentFailures().getFirst().tries()).isEqualTo(EmailDelivery.TRIES);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE holder_id = ?", Long.class,
                    p.holderId())).isEqualTo(2);
        } finally {
            if (again != null) {
                again.stop();
            }
            // the sender back on the shared server, where the other tests expect it
            mailSender.setPort(smtpServer.getSmtp().getPort());
            actingAs.run(ADMIN, () -> {
                accountEmails.recordFor(account(DAY_CENTRE), null);
                return null;
            });
        }
    }
}
