package org.wholecare.budget.ui;


import org.wholecare.holder.RegisteredHolder;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.holder.HolderSummary;
import org.wholecare.holder.BudgetHolderService;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.InvitationNotice;
import org.wholecare.shell.Ui;

/** Commissioners register budget holders in their area and open each one's budget. */
@Route("commissioner/holders")
@PageTitle("Budget holders – Wholecare")
@Menu(title = "Budget holders", order = 10, icon = "vaadin:user-card")
@RolesAllowed(Roles.COMMISSIONER)
public class BudgetHoldersView extends Main {

    private final BudgetHolderService holders;
    private final Grid<HolderSummary> grid = new Grid<>(HolderSummary.class, false);
    private final Div result = new Div();

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    BudgetHoldersView(java.time.Clock clock, BudgetHolderService holders) {
        this.clock = clock;
        this.holders = holders;
        addClassName("page");
        add(new H1("Budget holders"), new Paragraph("People in your area who hold an integrated budget. "
                + "Register a person, then set up their budget."));
        grid.addComponentColumn(h -> {
            RouterLink link = new RouterLink(h.fullName(), HolderRecordView.class,
                    new RouteParameters("holderId", String.valueOf(h.id())));
            return link;
        }).setHeader("Name").setFlexGrow(2);
        grid.addColumn(HolderSummary::nhsNumberForDisplay).setHeader("NHS number");
        grid.addColumn(HolderSummary::postcodeDistrict).setHeader("Postcode district");
        grid.addColumn(h -> h.currentBudgetId() == null ? "Not set up yet" : "Set up").setHeader("Budget");
        // names and numbers are never cut short: on a phone the table scrolls sideways instead
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Budget holders");
        result.getElement().setAttribute("aria-live", "polite");
        add(Ui.card("People in your area", grid), registerForm(), result);
        refresh();
    }

    private Component registerForm() {
        TextField fullName = new TextField("Full name");
        TextField username = new TextField("Username for signing in");
        username.setHelperText("For example sam.taylor");
        DatePicker dateOfBirth = new DatePicker("Date of birth");
        dateOfBirth.setMax(UkTime.today(clock));
        dateOfBirth.setHelperText("For example 14/9/1968");
        dateOfBirth.setLocale(java.util.Locale.UK);
        dateOfBirth.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormat("d/M/yyyy")
                .setBadInputErrorMessage("Enter the date of birth as day/month/year, for example 14/9/1968.")
                .setMaxErrorMessage("The date of birth cannot be in the future."));
        TextField nhsNumber = new TextField("NHS number");
        nhsNumber.setHelperText("10 digits, for example 943 476 5919");
        TextField district = new TextField("Postcode district");
        district.setHelperText("The first part of their postcode, for example NB4");
        TextField repName = new TextField("Representative's full name (optional)");
        repName.setHelperText("A parent, carer, deputy or attorney who will act for them");
        TextField repUsername = new TextField("Representative's username");
        TextField repRelationship = new TextField("How they are related");
        repRelationship.setHelperText("For example parent, partner and carer, deputy");

        FormErrors errors = new FormErrors().field("fullName", fullName).field("username", username)
                .field("dateOfBirth", dateOfBirth).field("nhsNumber", nhsNumber).field("postcodeDistrict", district)
                .field("representativeName", repName).field("representativeUsername", repUsername)
                .field("representativeRelationship", repRelationship);
        Button register = new Button("Register and create invitations", click -> {
            if (dateOfBirth.isInvalid() && dateOfBirth.getValue() == null) {
                // the picker has already said, at the field, what is wrong with what was typed
                dateOfBirth.focus();
                return;
            }
            try {
                RegisteredHolder registered = holders.register(new RegisterHolder(fullName.getValue(),
                        username.getValue(), dateOfBirth.getValue(), nhsNumber.getValue(), district.getValue(),
                        repName.getValue(), repUsername.getValue(), repRelationship.getValue()));
                for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {fullName, username, dateOfBirth,
                        nhsNumber, district, repName, repUsername, repRelationship}) {
                    field.clear();
                }
                errors.clear();
                showResult(registered);
                refresh();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Register a budget holder", fullName, username, dateOfBirth, nhsNumber, district,
                repName, repUsername, repRelationship, errors.formMessage(), register);
        card.addClassName("form");
        return card;
    }

    private void showResult(RegisteredHolder registered) {
        result.removeAll();
        Div links = new Div();
        links.add(InvitationNotice.of(registered.holderInvitation()));
        if (registered.representativeInvitation() != null) {
            links.add(InvitationNotice.of(registered.representativeInvitation()));
        }
        result.add(Ui.card(registered.holder().fullName() + " is registered",
                new Paragraph("Next, set up their budget."),
                new RouterLink("Set up " + registered.holder().fullName() + "'s budget", HolderRecordView.class,
                        new RouteParameters("holderId", String.valueOf(registered.holder().id()))),
                links));
    }

    private void refresh() {
        grid.setItems(holders.holdersInMyArea());
    }
}
