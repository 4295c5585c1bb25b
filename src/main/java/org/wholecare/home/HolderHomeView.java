package org.wholecare.home;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("holder")
@PageTitle("Your home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.BUDGET_HOLDER)
public class HolderHomeView extends HomePage {

    HolderHomeView(CurrentUser currentUser, OrganisationService organisations) {
        super(currentUser, organisations, "This is your Wholecare home. Your budget for health and social care "
                + "will be shown here as one amount, with what you have spent and what is left.");
        add(Ui.card("Your budget", new Paragraph("Your budget has not been set up yet. Your council or NHS team "
                + "sets it up after your assessment. When they have, you will see it on this page.")));
    }
}
