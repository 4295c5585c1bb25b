package org.wholecare.brokerage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.wholecare.marketplace.FindSupportView;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.ActingFor;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.RouteIds;
import org.wholecare.shell.Ui;

/**
 * Acting for one client: opening this page puts the broker in "acting for" mode. Their money and
 * alerts, the shortlist, quotes and proposals, and a form to propose a purchase.
 */
@Route("clients/:holderId")
@PageTitle("Client – Wholecare")
@RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
public class ClientView extends Main implements BeforeEnterObserver {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final BrokerageService brokerage;
    private long holderId;

    ClientView(BrokerageService brokerage) {
        this.brokerage = brokerage;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = RouteIds.read(event, "holderId");
        if (read.isEmpty()) {
            return;
        }
        holderId = read.getAsLong();
        Client client = brokerage.client(holderId);
        ActingFor.choose(new ActingFor.Client(holderId, client.name(),
                client.grant() == null ? "act for them" : client.grant().scope().allows()));
        render(client);
    }

    private void render(Client client) {
        removeAll();
        add(new H1(client.name()));
        add(Ui.card("Money and plan", Ui.facts(
                "Money available", client.availablePence() == null ? "No budget yet" : Money.format(client.availablePence()),
                "Runs out", client.runsOutOn() == null ? "Lasts the period at this rate" : DAY.format(client.runsOutOn()),
                "Next plan review", client.nextReview() == null ? "No agreed plan" : DAY.format(client.nextReview()),
                "Needs attention", client.alerts().isEmpty() ? "Nothing" : String.join(". ", client.alerts()) + ".")));
        List<ShortlistItem> shortlist = brokerage.shortlist(holderId);
        add(shortlistCard(shortlist), proposeForm(shortlist), quotesCard(), proposalsCard());
    }

    private Component shortlistCard(List<ShortlistItem> shortlist) {
        UnorderedList list = new UnorderedList();
        list.setId("shortlist");
        for (ShortlistItem s : shortlist) {
            Button remove = new Button("Take off", click -> {
                brokerage.removeFromShortlist(holderId, s.id());
                render(brokerage.client(holderId));
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Take " + s.title() + " off the shortlist");
            list.add(new ListItem(new Paragraph(s.title() + " from " + s.providerName() + ": "
                    + Money.format(s.pricePence()) + " per " + s.unit() + (s.note() == null ? "" : ". Note: " + s.note())),
                    remove));
        }
        if (shortlist.isEmpty()) {
            list.add(new ListItem("Nothing shortlisted yet."));
        }
        return Ui.card("Shortlist", list, new Paragraph(new RouterLink("Find support to add to the shortlist",
                FindSupportView.class)));
    }

    private Component proposeForm(List<ShortlistItem> shortlist) {
        Select<ShortlistItem> choice = new Select<>();
        choice.setLabel("Service");
        choice.setItems(shortlist);
        choice.setItemLabelGenerator(s -> s.title() + " (" + s.providerName() + ")");
        IntegerField quantity = new IntegerField("How many");
        quantity.setMin(1);
        quantity.setMax(BrokerageService.MAX_QUANTITY);
        quantity.setHelperText("Hours, sessions, days or items, as the service is priced");
        Select<Proposal.Frequency> frequency = new Select<>();
        frequency.setLabel("How often");
        frequency.setItems(Proposal.Frequency.values());
        frequency.setItemLabelGenerator(f -> switch (f) {
            case ONE_OFF -> "Once";
            case WEEKLY -> "Every week";
            case MONTHLY -> "Every month";
        });
        DatePicker start = new DatePicker("Starting on");
        start.setLocale(Locale.UK);
        TextArea reason = new TextArea("Why this suits " + ActingFor.current().map(ActingFor.Client::name).orElse("them"));
        reason.setMaxLength(BrokerageService.MAX_NOTE);
        reason.setWidthFull();
        FormErrors errors = new FormErrors().field("listing", choice).field("quantity", quantity)
                .field("frequency", frequency).field("startDate", start).field("reason", reason);
        Button propose = new Button("Propose", click -> {
            errors.clear();
            try {
                brokerage.propose(holderId, choice.getValue() == null ? null : choice.getValue().listingId(),
                        quantity.getValue() == null ? 0 : quantity.getValue(), frequency.getValue(), start.getValue(),
                        reason.getValue());
                Notification.show("Proposed. It waits for the person to accept or decline.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render(brokerage.client(holderId));
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return Ui.card("Propose a purchase", new Paragraph("The rest of the shortlist is shown with the proposal as "
                + "the other options you considered."), choice, quantity, frequency, start, reason,
                errors.formMessage(), propose);
    }

    private Component quotesCard() {
        UnorderedList list = new UnorderedList();
        for (Quote q : brokerage.quotes(holderId)) {
            list.add(new ListItem(q.title() + " from " + q.providerName() + ": " + (q.answered()
                    ? Money.format(q.quotedPricePence()) + " per unit. " + q.quotedTerms() : "waiting for an answer")));
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new ListItem("No quotes asked for yet. Ask from a listing's page."));
        }
        return Ui.card("Quotes", list);
    }

    private Component proposalsCard() {
        UnorderedList list = new UnorderedList();
        list.setId("proposals");
        for (Proposal p : brokerage.proposals(holderId)) {
            list.add(new ListItem(ProposalsView.summary(p) + " Status: " + ProposalsView.status(p)));
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new ListItem("No proposals yet."));
        }
        return Ui.card("Proposals", list);
    }
}
