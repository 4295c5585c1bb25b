package org.wholecare.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.notification.internal.Outbox;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.InvitationLink;
import org.wholecare.security.InvitationSender;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.UkTime;

/**
 * Invitations and "set a new password" links go to the person's own email address when mail is
 * set up and the account has one; otherwise they are shown on screen to pass on, as before. The
 * link is written to the outbox with the change that made it (an undone change sends nothing) and
 * its body is emptied once sent. Nobody's choice of emails stops these: they asked for them.
 */
@Component
class EmailedInvitations implements InvitationSender {

    private final Outbox outbox;
    private final EmailDelivery delivery;
    private final AccountEmails accounts;
    private final Clock clock;
    private final String publicUrl;

    EmailedInvitations(Outbox outbox, EmailDelivery delivery, AccountEmails accounts, Clock clock,
            @Value("${wholecare.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.accounts = accounts;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public Optional<String> send(InvitationLink invitation) {
        if (!delivery.canSend()) {
            return Optional.empty();
        }
        List<AccountEmails.Recipient> to = SystemActor.asAdministrator(() ->
                accounts.recipients(List.of(invitation.accountId())));
        if (to.isEmpty()) {
            return Optional.empty();
        }
        AccountEmails.Recipient person = to.getFirst();
        String body = String.join("\n",
                "Hello " + person.fullName() + ",",
                "",
                "Please choose a password for Wholecare with this link. It works once, until "
                        + UkTime.dayAndTime(invitation.expiresAt()) + ":",
                invitation.url(),
                "",
                "Your username is " + invitation.username() + ".",
                "",
                "If you did not expect this email, you can ignore it: nothing changes until the link is used.",
                "",
                "--",
                "This email is from Wholecare, " + publicUrl + ". Nobody from Wholecare will ever ask you for "
                        + "your password.");
        outbox.add(person.accountId(), "invitation", "Choose your Wholecare password", body, clock.instant());
        return Optional.of("We have emailed the link to " + person.fullName() + " at the email address on their "
                + "account. If it does not arrive, make a new link and it will be sent again.");
    }
}
