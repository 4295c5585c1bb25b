package org.wholecare.brokerage.ui;

import org.wholecare.brokerage.Quotes;
import org.wholecare.brokerage.Shortlists;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingActions;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.ActingFor;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** On a listing page, while acting for a client: add it to their shortlist, or ask the provider for a quote. */
@org.springframework.stereotype.Component
class ShortlistActions implements ListingActions {

    private final Shortlists shortlists;
    private final Quotes quotes;
    private final ConsentService consent;
    private final CurrentUser currentUser;

    ShortlistActions(Shortlists shortlists, Quotes quotes, ConsentService consent, CurrentUser currentUser) {
        this.shortlists = shortlists;
        this.quotes = quotes;
        this.consent = consent;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> actionsFor(Listing listing) {
        Role role = currentUser.require().role();
        var client = ActingFor.current();
        if (client.isEmpty() || (role != Role.BROKER && role != Role.REPRESENTATIVE)) {
            return Optional.empty();
        }
        long holderId = client.get().holderId();
        String name = client.get().name();
        // shortlists and quotes are suggestions: for access to suggest or buy, not only to look
        if (consent.myScope(holderId).filter(s -> s != ConsentScope.VIEW).isEmpty()) {
            return Optional.empty();
        }
        TextArea note = new TextArea("Note for the shortlist (optional)");
        note.setWidthFull();
        FormErrors noteErrors = new FormErrors().field("note", note).field("listing", note);
        Button add = new Button("Add to the shortlist for " + name, click -> {
            noteErrors.clear();
            try {
                shortlists.add(holderId, listing.id(), note.getValue());
                Notification.show(listing.title() + " is on the shortlist for " + name + ".", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException e) {
                noteErrors.show(e);
            }
        });
        TextArea message = new TextArea("Ask " + listing.providerName() + " for a quote");
        message.setHelperText("Say what is needed. The provider sees " + name.split(" ")[0]
                + "'s first name and postcode district only.");
        message.setWidthFull();
        FormErrors quoteErrors = new FormErrors().field("message", message).field("listing", message);
        Button ask = new Button("Ask for a quote", click -> {
            quoteErrors.clear();
            try {
                quotes.request(holderId, listing.id(), message.getValue());
                message.clear();
                Notification.show("Your request is sent to " + listing.providerName() + ".", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException e) {
                quoteErrors.show(e);
            }
        });
        return Optional.of(Ui.card("For " + name, note, noteErrors.formMessage(), add, message,
                quoteErrors.formMessage(), ask));
    }
}
