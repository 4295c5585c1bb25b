package org.wholecare.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wholecare.brokerage.ProposalDecided;
import org.wholecare.brokerage.ProposalMade;
import org.wholecare.brokerage.QuoteOffered;
import org.wholecare.brokerage.QuoteRequested;
import org.wholecare.consent.ConsentService;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.marketplace.ProviderChecksDecided;
import org.wholecare.holder.HolderSummary;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.notification.internal.Outbox;
import org.wholecare.purchase.BookingRequested;
import org.wholecare.purchase.InvoiceRaised;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.UkTime;

/**
 * One email to each person concerned when something waits for them, written into the outbox in
 * the transaction of the change (so a change that is undone tells nobody) and sent after it.
 * An email says only what waits and where: no care, health or money details, which stay behind
 * the sign-in. Each names who it is from and how to stop it.
 */
@Component
class Emails {

    private static final Logger log = LoggerFactory.getLogger(Emails.class);

    private final Outbox outbox;
    private final EmailDelivery delivery;
    private final EmailPreferences preferences;
    private final AccountEmails accounts;
    private final HolderDirectory holders;
    private final ConsentService consent;
    private final Clock clock;
    private final String publicUrl;

    Emails(Outbox outbox, EmailDelivery delivery, EmailPreferences preferences, AccountEmails accounts,
            HolderDirectory holders, ConsentService consent, Clock clock,
            @Value("${wholecare.public-url}") String publicUrl) {
        this.consent = consent;
        this.outbox = outbox;
        this.delivery = delivery;
        this.preferences = preferences;
        this.accounts = accounts;
        this.holders = holders;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** What one email says, before the greeting and the footer every email has. */
    private record Message(String kind, boolean needsAnAnswer, String subject, String text, String path) {
    }

    @EventListener
    void bookingRequested(BookingRequested booked) {
        Message message = new Message("booking-requested", true, "A new booking is waiting for you",
                "Someone has booked one of your organisation's services on Wholecare. Please accept or decline it.",
                "/provider/bookings");
        tell(SystemActor.asAdministrator(() -> accounts.staffOf(booked.providerOrganisationId())), message);
    }

    @EventListener
    void invoiceRaised(InvoiceRaised invoice) {
        HolderSummary holder = holders.byId(invoice.holderId()).orElse(null);
        if (holder == null) {
            return;
        }
        String by = UkTime.day(invoice.confirmedAutomaticallyOn());
        tell(List.of(holder.accountId()), new Message("invoice-raised", true, "You have an invoice to check",
                "An invoice for your budget has arrived on Wholecare. Please check it, and confirm it or say what is "
                        + "wrong. If you do nothing, it will be confirmed on " + by + " and paid.", "/purchases"));
        if (holder.representativeAccountId() != null) {
            String first = holder.fullName().split(" ")[0];
            tell(List.of(holder.representativeAccountId()), new Message("invoice-raised", true,
                    "You have an invoice to check for " + first,
                    "An invoice for " + first + "'s budget has arrived on Wholecare. Please check it, and confirm it "
                            + "or say what is wrong. If nobody does, it will be confirmed on " + by + " and paid.",
                    "/purchases"));
        }
    }

    @EventListener
    void quoteRequested(QuoteRequested asked) {
        tell(SystemActor.asAdministrator(() -> accounts.staffOf(asked.providerOrganisationId())), new Message(
                "quote-requested", true, "A request for a price is waiting for you",
                "Someone has asked your organisation for a price on Wholecare. Please answer it.", "/provider/quotes"));
    }

    @EventListener
    void quoteOffered(QuoteOffered offered) {
        firstName(offered.holderId()).ifPresent(first -> tellHelper(offered.holderId(), offered.requestedByAccountId(),
                new Message("quote-offered", true, "A provider has offered a price for " + first,
                        "A provider has answered your request for a price for " + first + "'s support on Wholecare. "
                                + "Have a look, and propose it to " + first + " if it is right.",
                        "/clients/" + offered.holderId())));
    }

    @EventListener
    void proposalMade(ProposalMade proposed) {
        HolderSummary holder = holders.byId(proposed.holderId()).orElse(null);
        if (holder == null) {
            return;
        }
        tell(List.of(holder.accountId()), new Message("proposal-made", true, "You have a proposal to answer",
                "Someone helping you has proposed some support on Wholecare. Please accept it or say why not.",
                "/proposals"));
        Long carer = holder.representativeAccountId();
        if (carer != null && carer != proposed.proposedByAccountId()) {
            String first = holder.fullName().split(" ")[0];
            tellHelper(holder.id(), carer, new Message("proposal-made", true, "There is a proposal for " + first,
                    "Someone helping " + first + " has proposed some support on Wholecare, for " + first
                            + " to accept or decline.", "/proposals"));
        }
    }

    @EventListener
    void proposalDecided(ProposalDecided decided) {
        firstName(decided.holderId()).ifPresent(first -> tellHelper(decided.holderId(), decided.proposedByAccountId(),
                new Message("proposal-decided", false, first + " has answered your proposal",
                        first + " has " + (decided.accepted() ? "accepted" : "declined") + " the support you proposed "
                                + "on Wholecare.", "/clients/" + decided.holderId())));
    }

    @EventListener
    void providerChecksDecided(ProviderChecksDecided decided) {
        String what = switch (decided.decision()) {
            case VERIFIED -> "Your organisation's checks on Wholecare are done: it is verified, and its published "
                    + "services can now be found.";
            case REJECTED -> "Your organisation's checks on Wholecare are done, and it was not approved. The reason "
                    + "is on the page.";
            case SUSPENDED -> "Your organisation has been suspended on Wholecare, so its services cannot be found. "
                    + "The reason is on the page.";
            case PENDING -> "Your organisation is waiting to be checked on Wholecare.";
        };
        tell(SystemActor.asAdministrator(() -> accounts.staffOf(decided.providerOrganisationId())), new Message(
                "provider-checks-decided", false, "Your organisation's checks on Wholecare", what,
                "/provider/listings"));
    }

    private java.util.Optional<String> firstName(long holderId) {
        return holders.byId(holderId).map(h -> h.fullName().split(" ")[0]);
    }

    /** Someone who helps the holder is told only while they still may act for them. */
    private void tellHelper(long holderId, long accountId, Message message) {
        List<AccountEmails.Recipient> to = SystemActor.asAdministrator(() -> accounts.recipients(List.of(accountId)));
        if (!to.isEmpty() && SystemActor.asAdministrator(() -> consent.actsFor(holderId, accountId,
                to.getFirst().organisationId()))) {
            tell(List.of(accountId), message);
        }
    }

    private void tell(List<Long> accountIds, Message message) {
        if (!delivery.canSend()) {
            return;
        }
        try {
            List<AccountEmails.Recipient> to = SystemActor.asAdministrator(() -> accounts.recipients(accountIds));
            for (AccountEmails.Recipient person : to) {
                EmailChoice choice = preferences.choiceOf(person.accountId());
                if (!choice.wants(message.needsAnAnswer())) {
                    continue;
                }
                outbox.add(person.accountId(), message.kind(), message.subject(), body(person, message, choice),
                        clock.instant());
            }
        } catch (RuntimeException e) {
            // telling people must never undo what they are told of
            log.warn("Could not queue the {} emails: {}", message.kind(), e.getClass().getSimpleName());
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
