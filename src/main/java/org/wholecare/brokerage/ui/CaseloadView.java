package org.wholecare.brokerage.ui;

import org.wholecare.brokerage.Caseload;
import org.wholecare.brokerage.Client;
import org.wholecare.brokerage.Conflicts;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The people who have asked the broker's brokerage (or the representative) to act for them. */
@Route("clients")
@PageTitle("Clients – Wholecare")
@Menu(title = "Clients", order = 3, icon = "vaadin:group")
@RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
public class CaseloadView extends Main {

    private final Caseload caseload;
    private final Conflicts conflicts;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;

    CaseloadView(Caseload caseload, Conflicts conflicts, OrganisationService organisations, CurrentUser currentUser) {
        this.caseload = caseload;
        this.conflicts = conflicts;
        this.organisations = organisations;
        this.currentUser = currentUser;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Clients"), new Paragraph("People who have given you their consent to help them. Choose a "
                + "person to act for them; everything you do is recorded and they can see it."));
        boolean representative = currentUser.require().role() == Role.REPRESENTATIVE;
        UnorderedList list = new UnorderedList();
        list.setId("caseload");
        list.addClassName("results");
        List<Client> clients = caseload.clients();
        for (Client c : clients) {
            RouterLink open = new RouterLink(c.name(), ClientView.class,
                    new RouteParameters("holderId", String.valueOf(c.holderId())));
            List<String> facts = new ArrayList<>();
            if (representative && c.grant() != null && c.grant().relationship() != null) {
                // how they know the person, as the person put it when granting access
                facts.addAll(List.of("Relationship", c.grant().relationship()));
            }
            facts.addAll(List.of(
                    "Consent", c.grant() == null ? "" : "To " + c.grant().scope().label()
                            + (c.grant().endsOn() == null ? ", no end date" : ", until " + UkTime.day(c.grant().endsOn())),
                    "Money available", c.availablePence() == null ? "No budget yet" : Money.format(c.availablePence()),
                    "Runs out", c.runsOutOn() == null ? "Lasts the period at this rate" : UkTime.day(c.runsOutOn()),
                    "Next plan review", c.nextReview() == null ? "No agreed plan" : UkTime.day(c.nextReview())));
            ListItem item = new ListItem(new H3(open), Ui.facts(facts.toArray(String[]::new)));
            item.addClassName("result-card");
            if (!c.alerts().isEmpty()) {
                UnorderedList alerts = new UnorderedList();
                alerts.addClassName("alerts");
                c.alerts().forEach(a -> alerts.add(new ListItem(a)));
                item.add(new Paragraph("Needs attention:"), alerts);
            }
            list.add(item);
        }
        if (clients.isEmpty()) {
            list.add(new ListItem("Nobody has given you consent to act for them yet."));
        }
        add(Ui.card("Your clients (" + clients.size() + ")", list));
        if (currentUser.require().role() == Role.BROKER) {
            add(conflicts());
        }
    }

    private com.vaadin.flow.component.Component conflicts() {
        UnorderedList declared = new UnorderedList();
        conflicts.declared().forEach(c -> declared.add(new ListItem(c.providerName() + ": " + c.description())));
        if (declared.getChildren().findAny().isEmpty()) {
            declared.add(new ListItem("None declared."));
        }
        Select<OrganisationSummary> provider = new Select<>();
        provider.setLabel("Provider");
        provider.setItems(organisations.organisationsInArea(currentUser.require().areaId()).stream()
                .filter(o -> o.type() == OrganisationType.PROVIDER).toList());
        provider.setItemLabelGenerator(OrganisationSummary::name);
        TextField description = new TextField("What the interest is");
        description.setWidthFull();
        FormErrors errors = new FormErrors().field("provider", provider).field("description", description);
        Button declare = new Button("Declare", click -> {
            errors.clear();
            try {
                conflicts.declare(provider.getValue() == null ? null : provider.getValue().id(),
                        description.getValue());
                Notification.show("Declared. People will see it next to every proposal of this provider.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        return Ui.card("Conflicts of interest", new Paragraph("If your organisation also provides services, or has "
                + "another interest in a provider, declare it. It is shown to people next to every proposal "
                + "involving that provider."), declared, provider, description, errors.formMessage(), declare);
    }
}
