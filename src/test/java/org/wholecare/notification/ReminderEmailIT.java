package org.wholecare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.BROKERAGE_NAME;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.TestMail;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.consent.ConsentChanges;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentScope;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.shared.UkTime;

/**
 * What is coming up, which no change announces, is emailed once per person and thing however often
 * the reminders run: a budget ending, a consent ending (never once withdrawn).
 */
@IntegrationTest
class ReminderEmailIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String BROKER_EMAIL = "reminded.broker@brokerage.example.org";

    @Autowired GreenMail smtpServer;
    @Autowired EmailDelivery delivery;
    @Autowired Reminders reminders;
    @Autowired net.javacrumbs.shedlock.core.LockProvider lockProvider;
    @Autowired AccountEmails accountEmails;
    @Autowired ConsentChanges consentChanges;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private long account(String username) {
        return jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", Long.class, username);
    }

    private List<String> subjects(Set<MimeMessage> before, String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : TestMail.receivedSince(smtpServer, before, address)) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBudgetAndAConsentEndingSoonAreEachRemindedOnceAndAWithdrawnConsentNever() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        var registered = BudgetTestData.holderWithCarer(actingAs, holders, budgets, invitations, "remind", n);
        long holderId = registered.holder().id();
        String holderEmail = registered.username() + "@example.org";
        String carerEmail = registered.carer() + "@example.org";
        // what other tests left waiting goes to the addresses it was written for, not to these
        delivery.deliverDue();
        actingAs.run(ADMIN, () -> {
            accountEmails.recordFor(account(registered.username()), holderEmail);
            accountEmails.recordFor(account(registered.carer()), carerEmail);
            accountEmails.recordFor(account(BROKER), BROKER_EMAIL);
            return null;
        });
        LocalDate today = UkTime.today(clock);
        jdbc.update("UPDATE budget SET end_date = ? WHERE holder_id = ?", today.plusDays(10), holderId);
        long brokerage = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
        ConsentGrant ending = actingAs.run(registered.username(), () -> consentChanges.grantToBrokerage(brokerage,
                ConsentScope.PROPOSE, today.plusDays(12)));

        var before = TestMail.seen(smtpServer);
        reminders.remindOfWhatIsComingUp();
        reminders.remindOfWhatIsComingUp();
        delivery.deliverDue();
        assertThat(subjects(before, holderEmail)).containsExactly("Your budget ends soon");
        assertThat(subjects(before, carerEmail)).containsExactly("Remind's budget ends soon");
        // the brokerage's other clients' consents may be ending too: this person's is reminded once
        assertThat(subjects(before, BROKER_EMAIL)).filteredOn(s -> s.startsWith("Remind'"))
                .containsExactly("Remind's consent for you to help ends soon");
        assertThat(org.wholecare.TestMail.receivedSince(smtpServer, before, BROKER_EMAIL).stream()
                .filter(m -> subjectOf(m).startsWith("Remind'")).findFirst().orElseThrow().getContent().toString()).contains("ends on " + UkTime.day(today.plusDays(12)))
                .contains("/clients/" + holderId);

        // given again with a new end date, then withdrawn: nothing more is said of it
        actingAs.run(registered.username(), () -> {
            consentChanges.revoke(ending.id());
            return null;
        });
        jdbc.update("UPDATE consent_grant SET ends_on = ? WHERE id = ?", today.plusDays(5), ending.id());
        before = TestMail.seen(smtpServer);
        reminders.remindOfWhatIsComingUp();
        delivery.deliverDue();
        assertThat(subjects(before, BROKER_EMAIL)).noneMatch(s -> s.startsWith("Remind'"));
        assertThat(subjects(before, holderEmail)).isEmpty();
    }

    @Test
    void whileAnotherInstanceHoldsTheRemindersLockThisOneSkipsItsTurnAndTakesTheNext() {
        long n = SEQUENCE.incrementAndGet();
        var registered = BudgetTestData.holderWithCarer(actingAs, holders, budgets, invitations, "locked", n);
        long holderId = registered.holder().id();
        actingAs.run(ADMIN, () -> {
            accountEmails.recordFor(account(registered.username()), registered.username() + "@example.org");
            return null;
        });
        jdbc.update("UPDATE budget SET end_date = ? WHERE holder_id = ?", UkTime.today(clock).plusDays(3), holderId);
        String reminded = "SELECT COUNT(*) FROM email_reminder r JOIN budget b ON b.id = r.about_id "
                + "WHERE r.kind = 'budget-ending' AND b.holder_id = ?";

        // another instance is sending the reminders: its lock row is in the database
        var held = lockProvider.lock(new net.javacrumbs.shedlock.core.LockConfiguration(java.time.Instant.now(),
                "email-reminders", java.time.Duration.ofMinutes(5), java.time.Duration.ZERO)).orElseThrow();
        try {
            reminders.remindOfWhatIsComingUp();
            assertThat(jdbc.queryForObject(reminded, Long.class, holderId)).isZero();
        } finally {
            held.unlock();
        }
        reminders.remindOfWhatIsComingUp();
        assertThat(jdbc.queryForObject(reminded, Long.class, holderId)).isEqualTo(1L);
    }
}
