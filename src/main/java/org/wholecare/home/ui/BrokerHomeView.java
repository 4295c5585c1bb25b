package org.wholecare.home.ui;


import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.wholecare.brokerage.ui.CaseloadView;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentService;
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

    BrokerHomeView(CurrentUser currentUser, OrganisationService organisations, AccountService accounts,
            ConsentService consent, List<org.wholecare.shared.ThingsToDo> things) {
        super(currentUser, organisations, "You help budget holders choose and buy support, "
                + "acting only for people who have given your organisation access.");
        add(ThingsToDoCard.of(things));
        add(Ui.card("Your organisation", Ui.facts(
                "Brokers at " + organisation.name(), String.valueOf(accounts.countColleagues()))));
        // the grants themselves, not a look at anyone's records: the caseload page does the looking
        List<ConsentGrant> grants = consent.grantsToMe();
        long people = grants.stream().map(ConsentGrant::holderId).distinct().count();
        if (people == 0) {
            add(Ui.card("Your caseload", new Paragraph("No budget holder has given your organisation access yet.")));
            return;
        }
        var caseload = Ui.card("Your caseload", Ui.facts("People you may act for", String.valueOf(people)));
        caseload.setId("caseload-summary");
        caseload.add(new RouterLink("See your clients and what needs attention", CaseloadView.class));
        add(caseload);
    }
}
