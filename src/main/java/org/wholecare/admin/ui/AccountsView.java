package org.wholecare.admin.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.security.AccountChanges;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

@Route("admin/accounts")
@PageTitle("Accounts – Wholecare")
@Menu(title = "Accounts", order = 20, icon = "vaadin:users")
@RolesAllowed(Roles.ADMINISTRATOR)
public class AccountsView extends Main {

    private final AccountService accounts;
    private final org.wholecare.security.Invitations invitations;
    private final OrganisationService organisations;
    private final AccountChangePanel changePanel;
    private @Nullable Long changing;
    private final Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
    private final Div invitationResult = new Div();
    private Map<Long, OrganisationSummary> organisationsById = Map.of();

    AccountsView(AccountService accounts, org.wholecare.security.Invitations invitations, AccountChanges changes, OrganisationService organisations) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.organisations = organisations;
        this.changePanel = new AccountChangePanel(changes, accounts, invitations, this::refresh, this::showInvitation);
        addClassName("page");
        add(new H1("Accounts"), new Paragraph("Create an account for a person. Their invitation link goes to "
                + "their email address if you give one; if not, give them the link yourself. They use it once to "
                + "choose their own password."));
        invitationResult.setId("invitation-result");
        invitationResult.getElement().setAttribute("aria-live", "polite");
        add(accountForm(), invitationResult);

        grid.addColumn(AccountSummary::fullName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(AccountSummary::username).setHeader("Username").setSortable(true);
        grid.addColumn(a -> a.role().label()).setHeader("Role").setSortable(true);
        grid.addColumn(a -> a.organisationId() == null ? "" : organisationName(a.organisationId()))
                .setHeader("Organisation").setSortable(true).setFlexGrow(2);
        grid.addColumn(AccountSummary::status).setHeader("Status").setFlexGrow(2);
        grid.addComponentColumn(a -> {
            Button change = new Button("Change", click -> {
                changing = a.id();
                changePanel.show(a, organisationsById.values());
                changePanel.scrollIntoView();
            });
            change.addThemeVariants(ButtonVariant.LUMO_SMALL);
            change.setAriaLabel("Change " + a.fullName() + "'s account");
            return change;
        }).setHeader("Leavers, movers, passwords").setAutoWidth(true);
        // names and numbers are never cut short: on a phone the table scrolls sideways instead
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Accounts");
        add(Ui.card("All accounts", grid), changePanel);
        refresh();
    }

    /** Staff choose their organisation; people who live in an area give it and their postcode district. */
    private void showFieldsFor(@Nullable Role chosen, ComboBox<OrganisationSummary> organisation,
            Select<AreaSummary> area, TextField district) {
        boolean staff = chosen != null && chosen.belongsToOrganisation();
        organisation.setVisible(staff);
        organisation.clear();
        if (staff) {
            organisation.setItems(organisationsById.values().stream()
                    .filter(o -> chosen.organisationTypes().contains(o.type()))
                    .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                    .toList());
        }
        boolean resident = chosen != null && chosen.livesInArea();
        area.setVisible(resident);
        district.setVisible(resident);
        if (resident && area.getValue() == null && area.getListDataView().getItemCount() == 1) {
            area.setValue(area.getListDataView().getItem(0));
        }
    }

    private Component accountForm() {
        TextField fullName = new TextField("Full name");
        fullName.setRequiredIndicatorVisible(true);
        TextField username = new TextField("Username");
        username.setHelperText("What they type to sign in, e.g. sam.taylor");
        username.setRequiredIndicatorVisible(true);
        TextField email = new TextField("Email address (if they have one)");
        email.setHelperText("Their invitation goes there, and later what waits for them. Leave it empty to give "
                + "them the link yourself.");
        email.getElement().setAttribute("autocomplete", "off");
        email.getElement().setAttribute("inputmode", "email");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setPlaceholder("Choose a role");
        ComboBox<OrganisationSummary> organisation = new ComboBox<>("Organisation");
        organisation.setItemLabelGenerator(o -> o.name() + " (" + o.type().label() + ")");
        organisation.setVisible(false);
        Select<AreaSummary> area = new Select<>();
        area.setLabel("Area where they live");
        area.setItemLabelGenerator(AreaSummary::name);
        area.setItems(organisations.areas());
        area.setVisible(false);
        TextField district = new TextField("Postcode district");
        district.setHelperText("The first part of their postcode, e.g. NB4");
        district.setVisible(false);

        role.addValueChangeListener(change -> showFieldsFor(change.getValue(), organisation, area, district));

        FormErrors errors = new FormErrors().field("fullName", fullName).field("username", username)
                .field("role", role).field("organisation", organisation).field("area", area)
                .field("postcodeDistrict", district).field("email", email);
        Button create = new Button("Create account and invitation", click -> {
            try {
                AccountSummary created = accounts.createAccount(new NewAccount(fullName.getValue(),
                        username.getValue(), role.getValue(),
                        organisation.getValue() == null ? null : organisation.getValue().id(),
                        area.getValue() == null ? null : area.getValue().id(), district.getValue(), email.getValue()));
                fullName.clear();
                username.clear();
                email.clear();
                district.clear();
                role.clear();
                errors.clear();
                showInvitation(invitations.issueInvitation(created.id()));
                refresh();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Create an account", fullName, username, email, role, organisation, area, district,
                errors.formMessage(), create);
        card.addClassName("form");
        return card;
    }

    private void showInvitation(IssuedInvitation issued) {
        invitationResult.removeAll();
        var link = org.wholecare.shell.InvitationNotice.link(issued, "invitation-link");
        var card = Ui.card(issued.sent() ? "Invitation sent" : "Invitation ready", new Paragraph(issued.deliveryNote()));
        link.ifPresent(card::add);
        card.add(new Paragraph("The link works once, until " + issued.expiresText() + ". Username: "
                + issued.link().username() + "."));
        invitationResult.add(card);
        refresh();
        link.ifPresent(TextField::focus);
    }

    private void refresh() {
        organisationsById = organisations.organisations().stream()
                .collect(Collectors.toMap(OrganisationSummary::id, Function.identity()));
        List<AccountSummary> all = accounts.accounts();
        grid.setItems(all);
        // the panel shows the account as it now is
        all.stream().filter(a -> changing != null && a.id() == changing).findFirst()
                .ifPresent(a -> changePanel.show(a, organisationsById.values()));
    }

    private String organisationName(long id) {
        OrganisationSummary o = organisationsById.get(id);
        return o == null ? "" : o.name();
    }
}
