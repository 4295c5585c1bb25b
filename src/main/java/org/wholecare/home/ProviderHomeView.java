package org.wholecare.home;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.wholecare.purchase.Invoice;
import org.wholecare.purchase.ProviderBookingsView;
import org.wholecare.purchase.Purchase;
import org.wholecare.purchase.PurchaseService;
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
            PurchaseService purchases) {
        super(currentUser, organisations, "You list your organisation's services, answer requests for quotes, "
                + "accept bookings and get paid.");
        add(Ui.card("Your organisation", Ui.facts(
                "Staff with Wholecare accounts", String.valueOf(accounts.countColleagues()),
                "Areas you serve", area == null ? "Not set" : area.name() + " ("
                        + String.join(", ", area.postcodeDistricts()) + ")")));
        List<Purchase> bookings = purchases.bookingsForMe();
        if (bookings.isEmpty()) {
            add(Ui.card("Bookings", new Paragraph("You have no bookings yet.")));
            return;
        }
        long waiting = bookings.stream().filter(b -> b.status() == Purchase.Status.REQUESTED).count();
        long underway = bookings.stream().filter(b -> b.status() == Purchase.Status.ACCEPTED).count();
        long invoicesOpen = bookings.stream().flatMap(b -> b.invoices().stream())
                .filter(i -> i.status() == Invoice.Status.RAISED || i.status() == Invoice.Status.DISPUTED).count();
        var card = Ui.card("Bookings", Ui.facts(
                "Waiting for you to accept or decline", String.valueOf(waiting),
                "Accepted and under way", String.valueOf(underway),
                "Invoices not yet confirmed", String.valueOf(invoicesOpen)));
        card.setId("bookings-summary");
        card.add(new RouterLink("Go to your bookings", ProviderBookingsView.class));
        add(card);
    }
}
