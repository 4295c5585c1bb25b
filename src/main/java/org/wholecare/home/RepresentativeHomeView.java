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

@Route("carer")
@PageTitle("Your home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.REPRESENTATIVE)
public class RepresentativeHomeView extends HomePage {

    RepresentativeHomeView(CurrentUser currentUser, OrganisationService organisations) {
        super(currentUser, organisations, "You help someone manage their care budget. You can act for them "
                + "only in the ways they (or a court) have allowed.");
        add(Ui.card("People you act for", new Paragraph("Nobody has given you access yet. When a budget holder "
                + "gives you access, their name will appear here.")));
    }
}
