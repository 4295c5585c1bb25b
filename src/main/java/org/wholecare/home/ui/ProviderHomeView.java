package org.wholecare.home.ui;


import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.purchase.ui.ProviderBookingsView;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.AccountService;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("provider")
@PageTitle("Provider home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.PROVIDER)
public class ProviderHomeView extends HomePage {

    ProviderHomeView(CurrentUser currentUser, OrganisationService organisations, AccountService accounts,
            ProviderBookings providerBookings, java.util.List<org.wholecare.shared.ThingsToDo> things) {
        super(currentUser, organisations, "You list your organisation's services, answer requests for quotes, "
                + "accept bookings and get paid.");
        add(ThingsToDoCard.of(things));
        var counts = providerBookings.bookingCountsForMe();
        var card = Ui.card("Bookings", Ui.facts(
                "Waiting for you to accept or decline", String.valueOf(counts.waiting()),
                "Accepted and under way", String.valueOf(counts.underway()),
                "Invoices not yet confirmed", String.valueOf(counts.invoicesOpen())));
        card.setId("bookings-summary");
        card.add(new RouterLink("Go to your bookings", ProviderBookingsView.class));
        // the bookings to answer first: that is what a provider opens Wholecare for
        add(card);
        add(Ui.card("Your organisation", Ui.facts(
                "Staff with Wholecare accounts", String.valueOf(accounts.countColleagues()),
                "Areas you serve", area == null ? "Not set" : area.name() + " ("
                        + String.join(", ", area.postcodeDistricts()) + ")")));
    }
}
