package org.wholecare.brokerage.ui;

import org.wholecare.brokerage.Quote;
import org.wholecare.brokerage.Quotes;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** Quote requests from brokers and representatives: the provider reads each thread and replies or makes an offer. */
@Route("provider/quotes")
@PageTitle("Quote requests – Wholecare")
@Menu(title = "Quote requests", order = 20, icon = "vaadin:envelope-o")
@RolesAllowed(Roles.PROVIDER)
public class QuoteRequestsView extends Main {


    private final Quotes quotes;

    QuoteRequestsView(Quotes quotes) {
        this.quotes = quotes;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Quote requests"), new Paragraph("Brokers and representatives ask for a price on behalf of "
                + "someone. You see their first name and postcode district. Reply with a question or an offer: a "
                + "price per unit and what it covers. A new offer replaces your last one; both stay on the record."));
        var requests = quotes.requestsForMe();
        if (requests.isEmpty()) {
            add(Ui.card("Nothing to answer", new Paragraph("No requests yet.")));
        }
        requests.forEach(q -> add(card(q)));
    }

    private Component card(Quote q) {
        String about = q.title() + " for " + q.holderFirstName() + " in " + q.holderDistrict();
        var card = Ui.card(about, Ui.facts(
                "Asked by", q.requestedByName() + " on " + UkTime.day(q.requestedAt()),
                "Now", QuoteThread.state(q)));
        card.addClassName("quote");
        TextArea message = new TextArea("Your message (optional with an offer)");
        message.setWidthFull();
        TextField price = new TextField("Price per " + q.unit() + " (£), for an offer");
        price.setHelperText("Leave empty to send a message without a price");
        TextArea terms = new TextArea("What the price covers");
        terms.setHelperText("For example times, notice to cancel and travel");
        terms.setWidthFull();
        FormErrors errors = new FormErrors().field("message", message).field("price", price).field("terms", terms);
        Button send = new Button("Send", click -> {
            errors.clear();
            try {
                Long pence = price.getValue().isBlank() ? null : Money.parse(price.getValue(), "price");
                quotes.answer(q.id(), message.getValue(), pence, terms.getValue());
                Notification.show(pence == null ? "Your message is sent." : "Your offer is sent.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setAriaLabel("Send your reply about " + about);
        card.add(new H3("Messages"), QuoteThread.of(q), new H3("Reply"), message, price, terms,
                errors.formMessage(), send);
        return card;
    }
}
