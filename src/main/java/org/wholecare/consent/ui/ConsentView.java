package org.wholecare.consent.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.consent.ConsentChanges;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentKind;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.shell.InvitationNotice;
import org.wholecare.holder.HolderSummary;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The holder decides who may act for them, how far and until when, and withdraws it in one step. */
@Route("who-can-help")
@PageTitle("Who can help me – Wholecare")
@Menu(title = "Who can help me", order = 40, icon = "vaadin:users")
@RolesAllowed(Roles.BUDGET_HOLDER)
public class ConsentView extends Main {


    private final ConsentService consent;
    private final ConsentChanges consentChanges;
    private final HolderSummary me;
    private final Clock clock;

    ConsentView(ConsentService consent, ConsentChanges consentChanges, BudgetHolderService holders, Clock clock) {
        this.consent = consent;
        this.consentChanges = consentChanges;
        this.me = holders.mine().orElseThrow();
        this.clock = clock;
        addClassName("page");
        render(null);
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }

    private void render(@Nullable Component message) {
        removeAll();
        add(new H1("Who can help me"), new Paragraph("You decide who may see your budget and support plan, and "
                + "what they may do. You can change or withdraw access at any time and it takes effect at once."));
        if (message != null) {
            add(message);
        }
        add(grantsCard(), brokerageForm(), representativeForm(),
                Ui.card("Who has looked", new Paragraph(new RouterLink("See everyone who has looked at or changed "
                        + "your records", AccessLogView.class))));
    }

    private Component grantsCard() {
        UnorderedList list = new UnorderedList();
        list.setId("grants");
        LocalDate today = today();
        List<ConsentGrant> all = consent.grants(me.id());
        Map<Long, List<ConsentService.GrantEvent>> history = consent.history(me.id());
        // "Give access again" only on the newest ended grant to someone who has no access now
        Set<String> offered = new HashSet<>();
        all.stream().filter(g -> g.activeOn(today)).forEach(g -> offered.add(grantee(g)));
        Comparator<ConsentGrant> inForceThenNewest = Comparator.comparing((ConsentGrant x) -> !x.activeOn(today))
                .thenComparing(ConsentGrant::grantedAt, Comparator.reverseOrder())
                .thenComparing(ConsentGrant::id, Comparator.reverseOrder());
        for (ConsentGrant g : all.stream().sorted(inForceThenNewest).toList()) {
            ListItem item = new ListItem();
            item.addClassName("grant");
            String until = g.endsOn() == null ? "no end date" : "until " + UkTime.day(g.endsOn());
            String state = g.revokedAt() != null ? "Withdrawn on " + UkTime.day(g.revokedAt())
                    : g.activeOn(today) ? "In force, " + until : "Ended on " + UkTime.day(g.endsOn());
            item.add(new Paragraph(g.granteeName() + " (" + g.kind().label().toLowerCase(Locale.UK)
                    + (g.relationship() != null && g.kind() == ConsentKind.REPRESENTATIVE ? ", " + g.relationship() : "")
                    + ")"));
            item.add(Ui.facts("May", g.scope().allows(), "Status", state));
            if (g.documentReference() != null) {
                item.add(new Paragraph("Court order or power of attorney: " + g.documentReference()
                        + (g.activeOn(today) ? ". Only your commissioner can change or end this." : ".")));
            } else if (g.activeOn(today)) {
                Button withdraw = new Button("Withdraw access", click -> {
                    consentChanges.revoke(g.id());
                    Notification.show(g.granteeName() + " can no longer act for you.", 6000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    render(null);
                });
                withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
                withdraw.setAriaLabel("Withdraw access from " + g.granteeName());
                item.add(changeForm(g, withdraw));
            } else if (offered.add(grantee(g))) {
                item.add(giveAgainForm(g));
            }
            item.add(historyOf(g, history.getOrDefault(g.id(), List.of())));
            list.add(item);
        }
        if (all.isEmpty()) {
            list.add(new ListItem("Nobody else can see your records."));
        }
        return Ui.card("People and organisations who can act for you", list);
    }

    private static String grantee(ConsentGrant g) {
        return g.granteeOrganisationId() != null ? "o" + g.granteeOrganisationId() : "a" + g.granteeAccountId();
    }

    /** "Change" opens the same choices as giving access, filled in with what the grant allows now. */
    private Component changeForm(ConsentGrant g, Button withdraw) {
        Select<ConsentScope> scope = scopeField("What " + g.granteeName() + " may do");
        scope.setValue(g.scope());
        DatePicker ends = endField("Last day " + g.granteeName() + " may act for you");
        ends.setValue(g.endsOn());
        FormErrors errors = new FormErrors().field("scope", scope).field("endsOn", ends);
        Button save = new Button("Save the change", click -> {
            errors.clear();
            try {
                ConsentGrant changed = consentChanges.change(g.id(), scope.getValue(), ends.getValue());
                Notification.show(changed.granteeName() + " may now " + changed.scope().allows() + ", until "
                        + UkTime.day(changed.endsOn()) + ".", 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render(null);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setAriaLabel("Save the change to " + g.granteeName() + "'s access");
        Div form = new Div(scope, ends, errors.formMessage(), save);
        Button change = opens(new Button("Change"), form, scope);
        change.setAriaLabel("Change what " + g.granteeName() + " may do or until when");
        Div actions = new Div(change, withdraw);
        actions.addClassName("actions");
        return new Div(actions, form);
    }

    /** A new grant to the same brokerage or the same person's account: no new username needed. */
    private Component giveAgainForm(ConsentGrant g) {
        Select<ConsentScope> scope = scopeField("What " + g.granteeName() + " may do");
        scope.setValue(g.scope());
        DatePicker ends = endField("Last day " + g.granteeName() + " may act for you");
        FormErrors errors = new FormErrors().field("scope", scope).field("endsOn", ends);
        Button give = new Button("Give access from today", click -> {
            errors.clear();
            try {
                var again = consentChanges.giveAgain(g.id(), scope.getValue(), ends.getValue());
                Div done = new Div(new Paragraph(again.grant().granteeName() + " may now "
                        + again.grant().scope().allows() + ", until " + UkTime.day(again.grant().endsOn()) + "."));
                if (again.invitation() != null) {
                    done.add(new Paragraph(again.grant().granteeName() + " has not chosen a password yet. "
                            + (again.invitation().sent() ? "We have emailed them a new link."
                                    : "Give them the new link below.")), InvitationNotice.of(again.invitation()));
                }
                done.addClassName("invitation-result");
                done.getElement().setAttribute("role", "status");
                render(done);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        give.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        give.setAriaLabel("Give access from today to " + g.granteeName());
        Div form = new Div(scope, ends, errors.formMessage(), give);
        Button again = opens(new Button("Give access again"), form, scope);
        again.setAriaLabel("Give access again to " + g.granteeName());
        return new Div(again, form);
    }

    /** The button shows and hides a grant's form, says so to screen readers, and moves focus into it. */
    private static Button opens(Button button, Div form, Select<ConsentScope> first) {
        form.addClassName("grant-form");
        form.setVisible(false);
        button.getElement().setAttribute("aria-expanded", "false");
        button.addClickListener(click -> {
            boolean open = !form.isVisible();
            form.setVisible(open);
            button.getElement().setAttribute("aria-expanded", String.valueOf(open));
            if (open) {
                first.focus();
            }
        });
        return button;
    }

    private static Component historyOf(ConsentGrant g, List<ConsentService.GrantEvent> events) {
        UnorderedList steps = new UnorderedList();
        for (ConsentService.GrantEvent e : events) {
            steps.add(new ListItem(e.what() + " by " + e.byName() + " on " + UkTime.dayAndTime(e.at()) + ": "
                    + e.scope().label() + ", " + (e.endsOn() == null ? "no end date" : "until " + UkTime.day(e.endsOn()))
                    + "."));
        }
        if (events.isEmpty()) {
            steps.add(new ListItem("No history recorded."));
        }
        Details details = new Details("History of " + g.granteeName() + "'s access", steps);
        details.addClassName("grant-history");
        return details;
    }

    private Component brokerageForm() {
        Select<OrganisationSummary> brokerage = new Select<>();
        brokerage.setLabel("Brokerage");
        brokerage.setItems(consentChanges.brokerages());
        brokerage.setItemLabelGenerator(OrganisationSummary::name);
        brokerage.setWidthFull();
        Select<ConsentScope> scope = scopeField("What the brokerage may do");
        DatePicker ends = endField("Last day the brokerage may act for you");
        FormErrors errors = new FormErrors().field("brokerage", brokerage).field("scope", scope).field("endsOn", ends);
        Button give = new Button("Give access", click -> {
            errors.clear();
            try {
                ConsentGrant g = consentChanges.grantToBrokerage(brokerage.getValue() == null ? null : brokerage.getValue().id(),
                        scope.getValue(), ends.getValue());
                Notification.show(g.granteeName() + " may now " + g.scope().allows() + ".", 6000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render(null);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        give.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return Ui.card("Let a brokerage help you", new Paragraph("Brokers from local charities and user-led "
                + "organisations can help you find and arrange support."), brokerage, scope, ends,
                errors.formMessage(), give);
    }

    private Component representativeForm() {
        TextField name = new TextField("Their full name");
        TextField username = new TextField("A username for them");
        username.setHelperText("They sign in with this. For example jo.taylor");
        TextField relationship = new TextField("How they know you");
        relationship.setHelperText("For example 'my daughter' or 'my neighbour'");
        Select<ConsentScope> scope = scopeField("What they may do");
        DatePicker ends = endField("Last day they may act for you");
        FormErrors errors = new FormErrors().field("fullName", name).field("username", username)
                .field("relationship", relationship).field("scope", scope).field("endsOn", ends);
        Button invite = new Button("Invite them", click -> {
            errors.clear();
            try {
                var invited = consentChanges.inviteRepresentative(name.getValue(), username.getValue(), relationship.getValue(),
                        scope.getValue(), ends.getValue());
                Div done = new Div(new Paragraph(invited.grant().granteeName() + " is invited. "
                        + (invited.invitation() != null && invited.invitation().sent()
                                ? "We have emailed them a link to choose a password."
                                : "Give them the link below so they can choose a password.")),
                        InvitationNotice.of(invited.invitation()));
                done.addClassName("invitation-result");
                done.getElement().setAttribute("role", "status");
                render(done);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        return Ui.card("Invite a carer or representative", new Paragraph("Someone you trust, such as a family "
                + "member, can sign in and help with your budget."), name, username, relationship, scope, ends,
                errors.formMessage(), invite);
    }

    private static Select<ConsentScope> scopeField(String label) {
        Select<ConsentScope> scope = new Select<>();
        scope.setLabel(label);
        scope.setItems(ConsentScope.values());
        scope.setItemLabelGenerator(s -> switch (s) {
            case VIEW -> "Look only";
            case PROPOSE -> "Look and suggest";
            case PURCHASE -> "Look, suggest and buy";
        });
        scope.setWidthFull();
        scope.setHelperText("Look only: see your budget and plan. Suggest: also shortlist services, ask for "
                + "quotes and propose purchases for you to accept. Buy: also buy services from your budget.");
        return scope;
    }

    private static DatePicker endField(String label) {
        DatePicker ends = new DatePicker(label);
        ends.setLocale(Locale.UK);
        ends.setWidthFull();
        ends.setHelperText("Up to two years from today. You can renew it.");
        return ends;
    }
}
