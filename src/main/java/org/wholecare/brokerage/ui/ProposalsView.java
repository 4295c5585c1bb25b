package org.wholecare.brokerage.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.brokerage.Client;
import org.wholecare.brokerage.Proposal;
import org.wholecare.brokerage.Proposals;
import org.wholecare.brokerage.Quote;
import org.wholecare.brokerage.Quotes;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.ActingFor;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/**
 * Proposals for the holder to accept or decline, each with any conflict of interest and the other
 * options, and the quote threads behind them. A representative sees those of the person they chose
 * to act for.
 */
@Route("proposals")
@PageTitle("Proposals – Wholecare")
@Menu(title = "Proposals", order = 30, icon = "vaadin:lightbulb")
@RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE})
public class ProposalsView extends Main {

    private final Proposals proposals;
    private final Quotes quotes;
    private final boolean own;
    private final @Nullable Long holderId;

    ProposalsView(Proposals proposals, Quotes quotes, BudgetHolderService holders, CurrentUser currentUser) {
        this.proposals = proposals;
        this.quotes = quotes;
        this.own = currentUser.require().role() == Role.BUDGET_HOLDER;
        // a representative works on the person chosen on Clients (the banner says who); the service checks consent
        this.holderId = own ? holders.mine().map(h -> h.id()).orElse(null)
                : ActingFor.current().map(ActingFor.Client::holderId).orElse(null);
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Proposals"));
        if (holderId == null) {
            add(own ? new Paragraph("There is no budget to propose anything for yet.")
                    : new Paragraph(new Text("First choose the person you are helping on "),
                            new RouterLink("Clients", CaseloadView.class),
                            new Text(".")));
            return;
        }
        add(new Paragraph(own ? "Your broker or representative suggests services here. Nothing is bought until you "
                + "accept." : "Suggestions for " + ActingFor.current().map(ActingFor.Client::name).orElse("them")
                + ". Nothing is bought until it is accepted."));
        List<Proposal> mine = proposals.of(holderId);
        if (mine.isEmpty()) {
            add(Ui.card("Nothing to decide", new Paragraph("No proposals yet.")));
        }
        for (Proposal p : mine) {
            add(card(p));
        }
        var threads = quotes.of(holderId);
        if (!threads.isEmpty()) {
            var card = Ui.card("Quotes from providers", new Paragraph("What your broker or representative and "
                    + "providers have written about prices. A provider's latest offer is the current one."));
            card.setId("quotes");
            for (Quote q : threads) {
                Div thread = new Div(new H3(q.title() + " from " + q.providerName()),
                        new Paragraph("Asked by " + q.requestedByName() + ". " + QuoteThread.state(q) + "."),
                        QuoteThread.of(q));
                thread.addClassName("quote");
                card.add(thread);
            }
            add(card);
        }
    }

    private Component card(Proposal p) {
        Div body = new Div(new Paragraph(summary(p)), Ui.facts("Proposed by", p.proposedByName(),
                "Why", p.reason(), "Status", status(p)));
        if (p.conflict() != null) {
            Paragraph conflict = new Paragraph("Conflict of interest declared by the broker's organisation: "
                    + p.conflict());
            conflict.addClassName("conflict");
            body.add(conflict);
        }
        UnorderedList others = new UnorderedList();
        p.otherOptions().forEach(o -> others.add(new ListItem(o.title() + " from " + o.providerName() + ": "
                + Money.format(o.pricePence()) + " per " + o.unit() + (o.note() == null ? "" : ". " + o.note()))));
        body.add(new H3("Other options considered"), p.otherOptions().isEmpty()
                ? new Paragraph("None were recorded.") : others);
        if (p.status() == Proposal.Status.PROPOSED) {
            TextArea comment = new TextArea("Your comment");
            comment.setHelperText("Needed if you decline, so your broker can find something better");
            comment.setWidthFull();
            FormErrors errors = new FormErrors().field("comment", comment);
            Button accept = new Button("Accept", click -> decide(p, true, comment, errors));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            accept.setAriaLabel("Accept " + p.title());
            Button decline = new Button("Decline", click -> decide(p, false, comment, errors));
            decline.setAriaLabel("Decline " + p.title());
            Div actions = new Div(accept, decline);
            actions.addClassName("actions");
            body.add(comment, errors.formMessage(), actions);
        }
        var card = Ui.card(p.title() + " from " + p.providerName(), body);
        card.addClassName("proposal");
        return card;
    }

    private void decide(Proposal p, boolean accept, TextArea comment, FormErrors errors) {
        errors.clear();
        try {
            proposals.decide(p.id(), accept, comment.getValue());
            Notification.show(accept ? "Accepted. Book it from Purchases." : "Declined.", 5000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (ValidationException e) {
            errors.show(e);
        }
    }

    static String summary(Proposal p) {
        return p.quantity() + " " + p.unit() + (p.quantity() == 1 ? "" : "s") + " of " + p.title() + " from " + p.providerName() + " at "
                + Money.format(p.unitPricePence()) + " per " + p.unit() + " = " + Money.format(p.totalPence()) + " "
                + p.frequency().label() + ", starting " + UkTime.day(p.startDate()) + ".";
    }

    static String status(Proposal p) {
        return switch (p.status()) {
            case PROPOSED -> "Waiting for a decision";
            case ACCEPTED -> "Accepted" + (p.decisionComment() == null ? "" : ": " + p.decisionComment());
            case DECLINED -> "Declined: " + p.decisionComment();
            case WITHDRAWN -> "Withdrawn by " + p.proposedByName();
        };
    }
}
