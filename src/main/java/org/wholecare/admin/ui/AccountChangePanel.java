package org.wholecare.admin.ui;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.security.AccountChanges;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.Role;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/**
 * One account's changes, under the accounts table: switch it off when someone leaves (or on again),
 * a new role or organisation when they move, a new invitation link, and what has been done before.
 */
class AccountChangePanel extends Div {

    private static final EnumSet<Role> STAFF = EnumSet.of(Role.BROKER, Role.PROVIDER, Role.COMMISSIONER,
            Role.ADMINISTRATOR);

    private final AccountChanges changes;
    private final AccountService accounts;
    private final org.wholecare.security.Invitations invitations;
    private final Runnable refreshed;
    private final Consumer<IssuedInvitation> invitationIssued;

    AccountChangePanel(AccountChanges changes, AccountService accounts, org.wholecare.security.Invitations invitations, Runnable refreshed,
            Consumer<IssuedInvitation> invitationIssued) {
        this.changes = changes;
        this.accounts = accounts;
        this.invitations = invitations;
        this.refreshed = refreshed;
        this.invitationIssued = invitationIssued;
        setId("account-changes");
    }

    void show(AccountSummary account, Collection<OrganisationSummary> organisations) {
        removeAll();
        String name = account.fullName();
        var card = Ui.card("Change " + name + "'s account", Ui.facts("Username", account.username(),
                "Role", account.role().label(), "Status", account.status()));
        card.add(onOrOff(account));
        if (STAFF.contains(account.role())) {
            card.add(newPost(account, organisations));
        }
        Button invite = new Button("New invitation link", click -> invitationIssued.accept(
                invitations.issueInvitation(account.id())));
        invite.setAriaLabel("New invitation link for " + name);
        card.add(new H3("Forgotten password"), new Paragraph("A new link lets " + name + " choose a new password. "
                + "It ends every session they have open and stops the old link working."), invite);
        card.add(history(account));
        add(card);
    }

    private Div onOrOff(AccountSummary account) {
        Div part = new Div(new H3(account.disabled() ? "Switch the account on again" : "Someone has left"));
        if (account.disabled()) {
            FormErrors errors = new FormErrors();
            Button enable = new Button("Enable the account", click -> run(errors, () -> changes.enable(account.id()),
                    account.fullName() + " can sign in again."));
            enable.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            part.add(new Paragraph(account.fullName() + " cannot sign in. Enabling the account lets them sign in "
                    + "again with their password."), errors.formMessage(), enable);
            return part;
        }
        TextField reason = new TextField("Why you are disabling it");
        reason.setHelperText("Kept on the record, for example: left Riverside Home Care on 30 November");
        reason.setWidthFull();
        FormErrors errors = new FormErrors().field("reason", reason);
        Button disable = new Button("Disable the account", click -> run(errors,
                () -> changes.disable(account.id(), reason.getValue()),
                account.fullName() + "'s account is disabled: they cannot sign in."));
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        part.add(new Paragraph("A disabled account cannot sign in, and any page " + account.fullName()
                + " has open stops working at their next click. Nothing they did is removed."), reason,
                errors.formMessage(), disable);
        return part;
    }

    private Div newPost(AccountSummary account, Collection<OrganisationSummary> organisations) {
        Select<Role> role = new Select<>();
        role.setLabel("New role");
        role.setItems(STAFF);
        role.setItemLabelGenerator(Role::label);
        role.setValue(account.role());
        ComboBox<OrganisationSummary> organisation = new ComboBox<>("Organisation they work for");
        organisation.setItemLabelGenerator(o -> o.name() + " (" + o.type().label() + ")");
        Runnable offer = () -> {
            Role chosen = role.getValue();
            boolean staff = chosen != null && chosen.belongsToOrganisation();
            organisation.setVisible(staff);
            List<OrganisationSummary> fitting = organisations.stream()
                    .filter(o -> staff && chosen.organisationTypes().contains(o.type()))
                    .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
            organisation.setItems(fitting);
            fitting.stream().filter(o -> o.id() == (account.organisationId() == null ? -1 : account.organisationId()))
                    .findFirst().ifPresent(organisation::setValue);
        };
        offer.run();
        role.addValueChangeListener(e -> offer.run());
        FormErrors errors = new FormErrors().field("role", role).field("organisation", organisation);
        Button save = new Button("Save the new role", click -> run(errors, () -> changes.changeRole(account.id(),
                role.getValue(), organisation.getValue() == null ? null : organisation.getValue().id()),
                account.fullName() + " has the new role from their next sign-in."));
        organisation.setWidthFull();
        return new Div(new H3("A new role or organisation"), new Paragraph("For someone who has moved post. Their open "
                + "pages stop working, and their next sign-in has the new role."), role, organisation,
                errors.formMessage(), save);
    }

    private Div history(AccountSummary account) {
        List<AccountChanges.Change> done = changes.history(account.id());
        Div part = new Div(new H3("Changes made before"));
        if (done.isEmpty()) {
            part.add(new Paragraph("None yet."));
            return part;
        }
        UnorderedList list = new UnorderedList();
        done.forEach(c -> list.add(new ListItem(c.when() + ": " + c.what() + " (by " + c.byName() + ")")));
        part.add(list);
        return part;
    }

    private void run(FormErrors errors, java.util.function.Supplier<AccountSummary> change, String done) {
        errors.clear();
        try {
            change.get();
            refreshed.run();
            com.vaadin.flow.component.notification.Notification.show("Saved. " + done, 5000,
                    com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER)
                    .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            errors.show(e);
        }
    }
}
