package org.wholecare.home.ui;


import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("commissioner")
@PageTitle("Commissioner home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.COMMISSIONER)
public class CommissionerHomeView extends HomePage {

    CommissionerHomeView(CurrentUser currentUser, OrganisationService organisations, AccountService accounts,
            java.util.List<org.wholecare.shared.ThingsToDo> things) {
        super(currentUser, organisations, "You set up people's budgets, agree how the council and the NHS "
                + "share costs in your area, and check that providers are safe to use.");
        add(ThingsToDoCard.of(things));
        Map<OrganisationType, Long> counts = organisations.countByTypeInArea(area.id());
        add(Ui.card("Your area: " + area.name(), Ui.facts(
                "Budget holders", String.valueOf(accounts.countInArea(Role.BUDGET_HOLDER, area.id())),
                "Care and health providers", String.valueOf(counts.get(OrganisationType.PROVIDER)),
                "Brokerages", String.valueOf(counts.get(OrganisationType.BROKERAGE)),
                "Postcode districts", String.join(", ", area.postcodeDistricts()))));
    }
}
