package org.wholecare.home;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import org.wholecare.budget.BudgetHolderService;
import org.wholecare.budget.HolderBudgetView;
import org.wholecare.budget.SupportPlanView;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("carer")
@PageTitle("Your home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.REPRESENTATIVE)
public class RepresentativeHomeView extends HomePage {

    RepresentativeHomeView(CurrentUser currentUser, OrganisationService organisations, BudgetHolderService holders) {
        super(currentUser, organisations, "You help someone manage their care budget. You can act for them "
                + "only in the ways they (or a court) have allowed.");
        var people = holders.representedByMe();
        if (people.isEmpty()) {
            add(Ui.card("People you act for", new Paragraph("Nobody has recorded you as their representative yet. "
                    + "When they have, their name will appear here.")));
            return;
        }
        UnorderedList list = new UnorderedList();
        people.forEach(h -> list.add(new ListItem(h.fullName() + " (" + h.representativeRelationship() + ")")));
        add(Ui.card("People you act for", list,
                new Paragraph(new RouterLink("See their budget", HolderBudgetView.class)),
                new Paragraph(new RouterLink("See their support plan", SupportPlanView.class))));
    }
}
