package org.wholecare.home.ui;


import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.Set;
import org.wholecare.brokerage.ui.ClientView;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shell.ActingFor;
import org.wholecare.shell.Ui;

/**
 * A carer's or representative's home: the people who have given them access. Choosing one opens
 * that person's page and the "acting for" banner, as for a broker.
 */
@Route("carer")
@PageTitle("Your home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.REPRESENTATIVE)
public class RepresentativeHomeView extends HomePage {

    RepresentativeHomeView(CurrentUser currentUser, OrganisationService organisations, ConsentService consent,
            java.time.Clock clock, java.util.List<org.wholecare.shared.ThingsToDo> things) {
        super(currentUser, organisations, "You help someone manage their care budget. You can act for them "
                + "only in the ways they (or a court) have allowed.");
        add(ThingsToDoCard.of(things));
        // the grants themselves, not a look at anyone's records: nothing to write in an access log yet
        var grants = consent.grantsToMe();
        if (grants.isEmpty()) {
            add(Ui.card("People you act for", new Paragraph("Nobody has given you access yet. When someone has, "
                    + "their name will appear here.")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("people");
        Set<Long> seen = new HashSet<>();
        for (ConsentGrant g : grants) {
            if (!seen.add(g.holderId())) {
                continue;
            }
            RouterLink open = new RouterLink(g.holderName(), ClientView.class,
                    new RouteParameters("holderId", String.valueOf(g.holderId())));
            list.add(new ListItem(open, new Text(" (" + (g.relationship() == null ? g.kind().label()
                    : g.relationship()) + "). You may " + g.scope().allows() + ".")));
        }
        add(Ui.card("People you act for", new Paragraph("Choose a person to act for them. Their name then shows at "
                + "the top of every page, and everything you do is recorded in their access log."), list));
        // most carers act for one person: then they are acting for them from the start, banner and all
        var today = UkTime.today(clock);
        var inForce = grants.stream().filter(g -> g.activeOn(today)).toList();
        if (ActingFor.current().isEmpty() && !ActingFor.stoppedByChoice() && inForce.stream().map(ConsentGrant::holderId).distinct().count() == 1) {
            ConsentGrant only = inForce.getFirst();
            ActingFor.choose(new ActingFor.Client(only.holderId(), only.holderName(), only.scope().allows()));
        }
    }
}
