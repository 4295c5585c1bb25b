package org.wholecare.notification;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wholecare.brokerage.ProposalDecided;
import org.wholecare.brokerage.ProposalMade;
import org.wholecare.brokerage.QuoteOffered;
import org.wholecare.brokerage.QuoteRequested;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.marketplace.ProviderChecksDecided;
import org.wholecare.holder.HolderSummary;
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

    private final Mailroom mailroom;
    private final AccountEmails accounts;
    private final HolderDirectory holders;

    Emails(Mailroom mailroom, AccountEmails accounts, HolderDirectory holders) {
        this.mailroom = mailroom;
        this.accounts = accounts;
        this.holders = holders;
    }

    @EventListener
    void bookingRequested(BookingRequested booked) {
        Mailroom.Message message = new Mailroom.Message("booking-requested", true, "A new booking is waiting for you",
                "Someone has booked one of your organisation's services on Wholecare. Please accept or decline it.",
                "/provider/bookings");
        mailroom.tellStaff(booked.providerOrganisationId(), message);
    }

    @EventListener
    void invoiceRaised(InvoiceRaised invoice) {
        HolderSummary holder = holders.byId(invoice.holderId()).orElse(null);
        if (holder == null) {
            return;
        }
        String by = UkTime.day(invoice.confirmedAutomaticallyOn());
        mailroom.tell(List.of(holder.accountId()), new Mailroom.Message("invoice-raised", true, "You have an invoice to check",
                "An invoice for your budget has arrived on Wholecare. Please check it, and confirm it or say what is "
                        + "wrong. If you do nothing, it will be confirmed on " + by + " and paid.", "/purchases"));
        if (holder.representativeAccountId() != null) {
            String first = holder.firstName();
            mailroom.tellHelper(holder.id(), holder.representativeAccountId(), new Mailroom.Message("invoice-raised", true,
                    "You have an invoice to check for " + first,
                    "An invoice for " + first + "'s budget has arrived on Wholecare. Please check it, and confirm it "
                            + "or say what is wrong. If nobody does, it will be confirmed on " + by + " and paid.",
                    "/purchases"));
        }
    }

    @EventListener
    void quoteRequested(QuoteRequested asked) {
        mailroom.tellStaff(asked.providerOrganisationId(), new Mailroom.Message(
                "quote-requested", true, "A request for a price is waiting for you",
                "Someone has asked your organisation for a price on Wholecare. Please answer it.", "/provider/quotes"));
    }

    @EventListener
    void quoteOffered(QuoteOffered offered) {
        firstName(offered.holderId()).ifPresent(first -> mailroom.tellHelper(offered.holderId(), offered.requestedByAccountId(),
                new Mailroom.Message("quote-offered", true, "A provider has offered a price for " + first,
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
        mailroom.tell(List.of(holder.accountId()), new Mailroom.Message("proposal-made", true, "You have a proposal to answer",
                "Someone helping you has proposed some support on Wholecare. Please accept it or say why not.",
                "/proposals"));
        Long carer = holder.representativeAccountId();
        if (carer != null && carer != proposed.proposedByAccountId()) {
            String first = holder.firstName();
            mailroom.tellHelper(holder.id(), carer, new Mailroom.Message("proposal-made", true, "There is a proposal for " + first,
                    "Someone helping " + first + " has proposed some support on Wholecare, for " + first
                            + " to accept or decline.", "/proposals"));
        }
    }

    @EventListener
    void proposalDecided(ProposalDecided decided) {
        if (decided.decidedByAccountId() == decided.proposedByAccountId()) {
            return; // a carer with consent to buy who decided their own proposal knows already
        }
        firstName(decided.holderId()).ifPresent(first -> mailroom.tellHelper(decided.holderId(), decided.proposedByAccountId(),
                new Mailroom.Message("proposal-decided", false, first + " has answered your proposal",
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
        mailroom.tellStaff(decided.providerOrganisationId(), new Mailroom.Message(
                "provider-checks-decided", false, "Your organisation's checks on Wholecare", what,
                "/provider/listings"));
    }

    private java.util.Optional<String> firstName(long holderId) {
        return holders.byId(holderId).map(HolderSummary::firstName);
    }
}
