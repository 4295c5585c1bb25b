package org.wholecare.brokerage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** Requests for quotes from brokers and representatives, answered with a price and terms. */
@Route("provider/quotes")
@PageTitle("Quote requests – Wholecare")
@Menu(title = "Quote requests", order = 20, icon = "vaadin:envelope-o")
@RolesAllowed(Roles.PROVIDER)
public class QuoteRequestsView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final BrokerageService brokerage;

    QuoteRequestsView(BrokerageService brokerage) {
        this.brokerage = brokerage;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Quote requests"), new Paragraph("Brokers and representatives ask for a price on behalf of "
                + "someone. You see their first name and postcode district; answer with a price per unit and "
                + "what it covers."));
        var quotes = brokerage.quoteRequestsForMe();
        if (quotes.isEmpty()) {
            add(Ui.card("Nothing to answer", new Paragraph("No requests yet.")));
        }
        quotes.forEach(q -> add(card(q)));
    }

    private Component card(Quote q) {
        var card = Ui.card(q.title() + " for " + q.holderFirstName() + " in " + q.holderDistrict(), Ui.facts(
                "Asked by", q.requestedByName() + " on " + WHEN.format(q.requestedAt()),
                "Request", q.message()));
        if (q.answered()) {
            card.add(new Paragraph("You quoted " + Money.format(q.quotedPricePence()) + " per unit: " + q.quotedTerms()));
            return card;
        }
        TextField price = new TextField("Your price per unit (£)");
        TextArea terms = new TextArea("What the price covers");
        terms.setWidthFull();
        FormErrors errors = new FormErrors().field("price", price).field("terms", terms);
        Button send = new Button("Send the quote", click -> {
            errors.clear();
            try {
                long pence = Money.parse(price.getValue(), "price");
                brokerage.answerQuote(q.id(), pence, terms.getValue());
                Notification.show("Your quote is sent.", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        card.add(price, terms, errors.formMessage(), send);
        return card;
    }
}
