package org.wholecare.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.SystemActor;

/**
 * Sends what the outbox holds, a few at a time, each batch in its own transaction after the
 * changes that wrote them have committed. A failure is retried after 1, 2, 4, 8 and 16 minutes
 * (the first wait is a setting) and then kept as failed for administrators to see; it never touches
 * the change it told of. Without a mail server set up there is nothing to send and nothing queued.
 */
@Component
public class EmailDelivery {

    public static final int TRIES = 6;
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final Outbox outbox;
    private final AccountEmails accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;
    private final Duration firstRetryAfter;

    EmailDelivery(ObjectProvider<JavaMailSender> mail, Outbox outbox, AccountEmails accounts,
            TransactionTemplate transaction, Clock clock, @Value("${wholecare.email.from:}") String from,
            @Value("${wholecare.email.first-retry-after:1m}") Duration firstRetryAfter) {
        this.mail = mail;
        this.outbox = outbox;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
        this.from = from;
        this.firstRetryAfter = firstRetryAfter;
        if (mail.getIfAvailable() != null && from.isBlank()) {
            // a real start with a mail server must say who its emails are from
            throw new IllegalStateException("A mail server is set up (spring.mail.host) but not who Wholecare's "
                    + "emails are from: set wholecare.email.from, for example \"Wholecare <no-reply@example.org>\".");
        }
    }

    /** Whether emails can go at all; when not, none are queued and the app works without them. */
    public boolean canSend() {
        return mail.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${wholecare.email.delivery-interval:15s}",
            initialDelayString = "${wholecare.email.delivery-interval:15s}")
    public void deliverDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        Integer taken;
        do {
            taken = transaction.execute(status -> deliverBatch(sender));
        } while (taken != null && taken == BATCH);
    }

    private int deliverBatch(JavaMailSender sender) {
        Instant now = clock.instant();
        List<Outbox.Waiting> due = outbox.takeDue(now, BATCH);
        for (Outbox.Waiting email : due) {
            // read as it goes: an address changed or removed since the email was written is honoured
            List<AccountEmails.Recipient> to = SystemActor.asAdministrator(() ->
                    accounts.recipients(List.of(email.accountId())));
            if (to.isEmpty()) {
                outbox.dropped(email.id(), "No email address, or the account is switched off");
                continue;
            }
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to.getFirst().email());
                message.setSubject(email.subject());
                message.setText(email.body());
                sender.send(message);
                outbox.sent(email.id(), clock.instant());
            } catch (MailException e) {
                String why = reason(e);
                if (email.attempts() + 1 >= TRIES) {
                    outbox.failed(email.id(), why);
                    log.warn("Gave up sending email {} ({}) after {} tries", email.id(), email.kind(), TRIES);
                } else {
                    outbox.retryAt(email.id(), clock.instant().plus(firstRetryAfter.multipliedBy(1L << email.attempts())),
                            why);
                }
            }
        }
        return due.size();
    }

    /** What went wrong, for an administrator: the exception's own words, never the email's content. */
    private static String reason(MailException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        @Nullable String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
