package org.wholecare.brokerage.ui;

import org.wholecare.brokerage.Caseload;
import org.wholecare.brokerage.Client;
import org.wholecare.brokerage.Proposal;
import org.wholecare.brokerage.ProposalCost;
import org.wholecare.brokerage.Proposals;
import org.wholecare.brokerage.Quote;
import org.wholecare.brokerage.Quotes;
import org.wholecare.brokerage.ShortlistItem;
import org.wholecare.brokerage.Shortlists;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
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
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.Locale;
import org.wholecare.consent.ConsentScope;
import org.wholecare.marketplace.ui.FindSupportView;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.ActingFor;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.RouteIds;
import org.wholecare.shell.Ui;

/**
 * Acting for one client: opening this page puts the broker or representative in "acting for" mode
 * (the banner on every page). Their money and alerts, the shortlist, quote threads and proposals,
 * and a form to propose a purchase, or with consent to buy, to accept it for them at once.
 */
@Route("clients/:holderId")
@PageTitle("Client – Wholecare")
@RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
public class ClientView extends Main implements BeforeEnterObserver {


    private final Caseload caseload;
    private final Shortlists shortlists;
    private final Proposals proposals;
    private final Quotes quotes;
    private final CurrentUser currentUser;
    private long holderId;

    ClientView(Caseload caseload, Shortlists shortlists, Proposals proposals, Quotes quotes, CurrentUser currentUser) {
        this.caseload = caseload;
        this.shortlists = shortlists;
        this.proposals = proposals;
        this.quotes = quotes;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = RouteIds.read(event, "holderId");
        if (read.isEmpty()) {
            return;
        }
        holderId = read.getAsLong();
        Client client = caseload.client(holderId);
        ActingFor.choose(new ActingFor.Client(holderId, client.name(),
                client.grant() == null ? "act for them" : client.grant().scope().allows()));
        render(client);
    }

    private void render(Client client) {
        removeAll();
        add(new H1(client.name()));
        add(Ui.card("Money and plan", Ui.facts(
                "Money available", client.availablePence() == null ? "No budget yet" : Money.format(client.availablePence()),
                "Runs out", client.runsOutOn() == null ? "Lasts the period at this rate" : UkTime.day(client.runsOutOn()),
                "Next plan review", client.nextReview() == null ? "No agreed plan" : UkTime.day(client.nextReview()),
                "Needs attention", client.alerts().isEmpty() ? "Nothing" : String.join(". ", client.alerts()) + ".")));
        List<ShortlistItem> shortlist = shortlists.shortlist(holderId);
        ConsentScope scope = client.grant() == null ? ConsentScope.VIEW : client.grant().scope();
        boolean maySuggest = scope.includes(ConsentScope.PROPOSE);
        add(shortlistCard(shortlist, maySuggest), maySuggest ? proposeForm(shortlist, client.name(),
                scope.includes(ConsentScope.PURCHASE)) : Ui.card("Propose a purchase", new Paragraph(client.name()
                + " has let you look only. To suggest services, ask them for access to suggest.")),
                quotesCard(maySuggest), proposalsCard());
    }

    private Component shortlistCard(List<ShortlistItem> shortlist, boolean mayChange) {
        UnorderedList list = new UnorderedList();
        list.setId("shortlist");
        for (ShortlistItem s : shortlist) {
            Button remove = new Button("Take off", click -> {
                shortlists.remove(holderId, s.id());
                render(caseload.client(holderId));
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Take " + s.title() + " off the shortlist");
            // only offered where it would work: taking off is a suggestion too
            remove.setVisible(mayChange);
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

    private static Select<Proposal.Frequency> frequencyPicker() {
        Select<Proposal.Frequency> frequency = new Select<>();
        frequency.setLabel("How often");
        frequency.setItems(Proposal.Frequency.values());
        frequency.setItemLabelGenerator(f -> switch (f) {
            case ONE_OFF -> "Once";
            case WEEKLY -> "Every week";
            case MONTHLY -> "Every month";
        });
        return frequency;
    }

    private Component proposeForm(List<ShortlistItem> shortlist, String name, boolean mayBuy) {
        Select<ShortlistItem> choice = new Select<>();
        choice.setLabel("Service");
        choice.setItems(shortlist);
        choice.setItemLabelGenerator(s -> s.title() + " (" + s.providerName() + ")");
        IntegerField quantity = new IntegerField("How many");
        quantity.setMin(1);
        quantity.setMax(Proposals.MAX_QUANTITY);
        quantity.setHelperText("Hours, sessions, days or items, as the service is priced");
        Select<Proposal.Frequency> frequency = frequencyPicker();
        DatePicker start = new DatePicker("Starting on");
        start.setLocale(Locale.UK);
        TextArea reason = new TextArea("Why this suits " + name);
        reason.setWidthFull();
        FormErrors errors = new FormErrors().field("listing", choice).field("quantity", quantity)
                .field("frequency", frequency).field("startDate", start).field("reason", reason);
        // what it would cost and who pays, before proposing: a budget that could not pay is said now
        Div cost = new Div();
        cost.setId("proposal-cost");
        cost.getElement().setAttribute("aria-live", "polite");
        Runnable costCheck = () -> showCost(cost, choice.getValue(), quantity.getValue(), frequency.getValue(), name);
        choice.addValueChangeListener(e -> costCheck.run());
        quantity.addValueChangeListener(e -> costCheck.run());
        frequency.addValueChangeListener(e -> costCheck.run());
        Button propose = new Button("Propose", click -> {
            errors.clear();
            try {
                proposals.propose(holderId, choice.getValue() == null ? null : choice.getValue().listingId(),
                        quantity.getValue() == null ? 0 : quantity.getValue(), frequency.getValue(), start.getValue(),
                        reason.getValue());
                Notification.show("Proposed. It waits for the person to accept or decline.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render(caseload.client(holderId));
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(propose);
        actions.addClassName("actions");
        Paragraph about = new Paragraph("The rest of the shortlist is shown with the proposal as the other options "
                + "you considered.");
        if (mayBuy) {
            // consent to buy: accepted now, on the record as this person's decision; booked on Purchases
            Button book = new Button("Book it now", click -> {
                errors.clear();
                try {
                    proposals.proposeAndAccept(holderId, choice.getValue() == null ? null
                                    : choice.getValue().listingId(), quantity.getValue() == null ? 0 : quantity.getValue(),
                            frequency.getValue(), start.getValue(), reason.getValue());
                    Notification.show("Accepted for " + name + ". Choose how long it runs and book it here.", 6000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    UI.getCurrent().navigate("purchases");
                } catch (ValidationException e) {
                    errors.show(e);
                }
            });
            book.setAriaLabel("Book it now for " + name + ", without waiting for them to accept");
            actions.add(book);
            about.add(" You may buy for " + name + ": Book it now accepts it for them and takes you to Purchases "
                    + "to book it. It is recorded as your decision.");
        }
        return Ui.card("Propose a purchase", about, choice, quantity, frequency, cost, start, reason,
                errors.formMessage(), actions);
    }

    private void showCost(Div cost, @Nullable ShortlistItem choice, @Nullable Integer quantity,
            Proposal.@Nullable Frequency frequency, String name) {
        cost.removeAll();
        if (choice == null || quantity == null || quantity < 1) {
            return;
        }
        ProposalCost each;
        try {
            each = proposals.costOf(holderId, choice.listingId(), quantity);
        } catch (ValidationException e) {
            cost.add(new Paragraph(e.getMessage()));
            return;
        }
        String when = frequency == null ? "Each time" : switch (frequency) {
            case ONE_OFF -> "Once";
            case WEEKLY -> "Each week";
            case MONTHLY -> "Each month";
        };
        cost.add(new Paragraph(when + ": " + each.quantity() + " × " + Money.format(each.unitPricePence()) + " per "
                + each.unit() + " = " + Money.format(each.pence()) + " from " + name + "'s budget, paid by "
                + each.parts().stream().map(p -> p.stream().label() + " " + Money.format(p.pence()))
                        .collect(java.util.stream.Collectors.joining(", ")) + "."));
        each.notes().forEach(note -> cost.add(new Paragraph(note)));
        if (!each.problems().isEmpty()) {
            Paragraph warning = new Paragraph("Before you propose: " + name + "'s budget could not pay for this now. "
                    + String.join(" ", each.problems()));
            warning.addClassName("warning");
            cost.add(warning);
        }
    }

    private Component quotesCard(boolean mayWrite) {
        var card = Ui.card("Quotes");
        card.setId("quotes");
        List<Quote> threads = quotes.of(holderId);
        for (Quote q : threads) {
            String about = q.title() + " from " + q.providerName();
            TextArea message = new TextArea("Your message to " + q.providerName());
            message.setWidthFull();
            FormErrors errors = new FormErrors().field("message", message);
            Button send = new Button("Send", click -> {
                errors.clear();
                try {
                    quotes.reply(q.id(), message.getValue());
                    Notification.show("Your message is sent to " + q.providerName() + ".", 5000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    render(caseload.client(holderId));
                } catch (ValidationException e) {
                    errors.show(e);
                }
            });
            send.setAriaLabel("Send your message about " + about);
            Div thread = new Div(new H3(about), new Paragraph(QuoteThread.state(q) + "."), QuoteThread.of(q));
            if (mayWrite) {
                thread.add(message, errors.formMessage(), send);
            }
            thread.addClassName("quote");
            card.add(thread);
        }
        if (threads.isEmpty()) {
            card.add(new Paragraph("No quotes asked for yet. Ask from a listing's page."));
        }
        return card;
    }

    private Component proposalsCard() {
        UnorderedList list = new UnorderedList();
        list.setId("proposals");
        long me = currentUser.require().accountId();
        for (Proposal p : proposals.of(holderId)) {
            ListItem item = new ListItem(ProposalsView.summary(p) + " Status: " + ProposalsView.status(p));
            if (p.status() == Proposal.Status.PROPOSED && p.proposedById() == me) {
                Button withdraw = new Button("Withdraw", click -> {
                    try {
                        proposals.withdraw(p.id());
                        Notification.show("Withdrawn. " + p.title() + " is no longer waiting for a decision.", 5000,
                                Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        render(caseload.client(holderId));
                    } catch (ValidationException e) {
                        Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
                withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                withdraw.setAriaLabel("Withdraw the proposal of " + p.title());
                item.add(withdraw);
            }
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new ListItem("No proposals yet."));
        }
        return Ui.card("Proposals", list);
    }
}
