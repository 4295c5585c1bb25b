package org.wholecare.admin.ui;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

@Route("admin/organisations")
@PageTitle("Organisations – Wholecare")
@Menu(title = "Organisations", order = 10, icon = "vaadin:building")
@RolesAllowed(Roles.ADMINISTRATOR)
public class OrganisationsView extends Main {

    private final OrganisationService organisations;
    private final Grid<OrganisationSummary> grid = new Grid<>(OrganisationSummary.class, false);
    private final Select<AreaSummary> orgArea = new Select<>();

    OrganisationsView(OrganisationService organisations) {
        this.organisations = organisations;
        addClassName("page");
        add(new H1("Organisations"), new Paragraph("Councils, NHS boards, brokerages and providers that use "
                + "Wholecare. Add an organisation before you create accounts for its staff."));

        add(organisationForm(), areaForm(), populationForm());

        grid.addColumn(OrganisationSummary::name).setHeader("Name").setFlexGrow(2).setSortable(true);
        grid.addColumn(o -> o.type().label()).setHeader("Kind").setSortable(true);
        grid.addColumn(OrganisationSummary::areaName).setHeader("Area").setSortable(true);
        // names and numbers are never cut short: on a phone the table scrolls sideways instead
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Organisations");
        add(Ui.card("All organisations", grid));
        refresh();
    }

    private com.vaadin.flow.component.Component organisationForm() {
        TextField name = new TextField("Name");
        name.setRequiredIndicatorVisible(true);
        Select<OrganisationType> type = new Select<>();
        type.setLabel("Kind of organisation");
        type.setItems(OrganisationType.values());
        type.setItemLabelGenerator(OrganisationType::label);
        type.setPlaceholder("Choose a kind");
        orgArea.setLabel("Area");
        orgArea.setItemLabelGenerator(AreaSummary::name);
        FormErrors errors = new FormErrors().field("name", name).field("type", type).field("area", orgArea);
        Button add = new Button("Add organisation", click -> {
            try {
                OrganisationSummary created = organisations.createOrganisation(name.getValue(), type.getValue(),
                        orgArea.getValue() == null ? null : orgArea.getValue().id());
                name.clear();
                type.clear();
                errors.clear();
                refresh();
                Notification.show(created.name() + " has been added.", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Add an organisation", name, type, orgArea, errors.formMessage(), add);
        card.addClassName("form");
        return card;
    }

    private com.vaadin.flow.component.Component areaForm() {
        TextField name = new TextField("Area name");
        TextField districts = new TextField("Postcode districts");
        districts.setHelperText("The first part of each postcode in the area, separated by commas, e.g. NB1, NB2");
        FormErrors errors = new FormErrors().field("name", name).field("postcodeDistricts", districts);
        Button add = new Button("Add area", click -> {
            try {
                AreaSummary created = organisations.createArea(name.getValue(), districts.getValue());
                name.clear();
                districts.clear();
                errors.clear();
                refresh();
                Notification.show(created.name() + " has been added.", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        var card = Ui.card("Add an area", new Paragraph("Only needed when Wholecare starts in a new area."),
                name, districts, errors.formMessage(), add);
        card.addClassName("form");
        return card;
    }

    /** The adults living in an area (the latest official estimate): the public comparison's "per 10,000 adults". */
    private com.vaadin.flow.component.Component populationForm() {
        Select<AreaSummary> area = new Select<>();
        area.setLabel("Area");
        area.setItemLabelGenerator(AreaSummary::name);
        area.setItems(organisations.areas());
        com.vaadin.flow.component.textfield.IntegerField adults =
                new com.vaadin.flow.component.textfield.IntegerField("Adults living in the area");
        adults.setHelperText("The latest official estimate, for example from the Office for National Statistics");
        area.addValueChangeListener(e -> adults.setValue(e.getValue() == null ? null
                : organisations.adultPopulation(e.getValue().id()).orElse(null)));
        FormErrors errors = new FormErrors().field("area", area).field("adultPopulation", adults);
        Button save = new Button("Save the number of adults", click -> {
            errors.clear();
            if (area.getValue() == null) {
                errors.show(ValidationException.of("area", "Choose the area."));
                return;
            }
            try {
                organisations.recordAdultPopulation(area.getValue().id(), adults.getValue());
                Notification.show("Saved. The public figures use it from their next working out.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        var card = Ui.card("Adults living in each area", new Paragraph("The public comparison gives people with a "
                + "budget per 10,000 adults."), area, adults, errors.formMessage(), save);
        card.addClassName("form");
        card.setId("adult-population");
        return card;
    }

    private void refresh() {
        grid.setItems(organisations.organisations());
        AreaSummary chosen = orgArea.getValue();
        var areas = organisations.areas();
        orgArea.setItems(areas);
        if (chosen != null) {
            areas.stream().filter(a -> a.id() == chosen.id()).findFirst().ifPresent(orgArea::setValue);
        } else if (areas.size() == 1) {
            orgArea.setValue(areas.getFirst());
        }
    }
}
