package org.wholecare.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wholecare.consent.ConsentService;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.notification.internal.Outbox;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.SystemActor;

/**
 * Writes the emails about what waits into the outbox, as each person chose: the greeting, what
 * waits, the link to sign in and see it, and the footer saying who it is from and how to stop it.
 * Telling people never undoes what they are told of.
 */
@Component
class Mailroom {

    private static final Logger log = LoggerFactory.getLogger(Mailroom.class);

    /** What one email says, before the greeting and the footer every email has. */
    record Message(String kind, boolean needsAnAnswer, String subject, String text, String path) {
    }

    private final Outbox outbox;
    private final EmailDelivery delivery;
    private final EmailPreferences preferences;
    private final AccountEmails accounts;
    private final ConsentService consent;
    private final Clock clock;
    private final String publicUrl;

    Mailroom(Outbox outbox, EmailDelivery delivery, EmailPreferences preferences, AccountEmails accounts,
            ConsentService consent, Clock clock, @Value("${wholecare.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.preferences = preferences;
        this.accounts = accounts;
        this.consent = consent;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    boolean canSend() {
        return delivery.canSend();
    }

    /**
     * Writes the email for each of these people who has an address and wants it. Telling people
     * must never undo what they are told of: a failure here is logged and the change goes on.
     */
    void tell(List<Long> accountIds, Message message) {
        quietly(message, () -> write(accountIds, message));
    }

    /** To the staff of an organisation (a provider's, say). */
    void tellStaff(long organisationId, Message message) {
        quietly(message, () -> write(SystemActor.asAdministrator(() -> accounts.staffOf(organisationId)), message));
    }

    /** Someone who helps the holder is told only while they still may act for them. */
    void tellHelper(long holderId, long accountId, Message message) {
        quietly(message, () -> {
            if (actsFor(holderId, accountId)) {
                write(List.of(accountId), message);
            }
        });
    }

    /** As {@link #tell}, but a failure is thrown, for work that must record an email only if it was written. */
    void tellOrFail(List<Long> accountIds, Message message) {
        write(accountIds, message);
    }

    boolean actsFor(long holderId, long accountId) {
        List<AccountEmails.Recipient> to = SystemActor.asAdministrator(() -> accounts.recipients(List.of(accountId)));
        return !to.isEmpty() && SystemActor.asAdministrator(() -> consent.actsFor(holderId, accountId,
                to.getFirst().organisationId()));
    }

    private void quietly(Message message, Runnable work) {
        if (!delivery.canSend()) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Could not queue the {} emails: {}", message.kind(), e.getClass().getSimpleName());
        }
    }

    private void write(List<Long> accountIds, Message message) {
        if (!delivery.canSend()) {
            return;
        }
        List<AccountEmails.Recipient> to = SystemActor.asAdministrator(() -> accounts.recipients(accountIds));
        for (AccountEmails.Recipient person : to) {
            EmailChoice choice = preferences.choiceOf(person.accountId());
            if (choice.wants(message.needsAnAnswer())) {
                outbox.add(person.accountId(), message.kind(), message.subject(), body(person, message, choice),
                        clock.instant());
            }
        }
    }

    private String body(AccountEmails.Recipient person, Message message, EmailChoice choice) {
        List<String> lines = new ArrayList<>();
        lines.add("Hello " + person.fullName() + ",");
        lines.add("");
        lines.add(message.text());
        lines.add("");
        lines.add("Sign in to see it: " + publicUrl + message.path());
        lines.add("");
        lines.add("--");
        lines.add("This email is from Wholecare, " + publicUrl + ". It never holds details of your care or money: "
                + "they are on the page above, after you sign in.");
        lines.add("You get this email because you chose \"" + choice.label() + "\". To change that or stop these "
                + "emails, go to Your details: " + publicUrl + "/your-details");
        return String.join("\n", lines);
    }
}
