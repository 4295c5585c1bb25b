package org.wholecare.home;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.AccountService;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("broker")
@PageTitle("Broker home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.BROKER)
public class BrokerHomeView extends HomePage {

    BrokerHomeView(CurrentUser currentUser, OrganisationService organisations, AccountService accounts) {
        super(currentUser, organisations, "You help budget holders choose and buy support, "
                + "acting only for people who have given your organisation access.");
        add(Ui.card("Your organisation", Ui.facts(
                "Brokers at " + organisation.name(), String.valueOf(accounts.countColleagues()))),
                Ui.card("Your caseload", new Paragraph("No budget holder has given your organisation access yet.")));
    }
}
