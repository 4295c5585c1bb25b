package org.wholecare.home.ui;


import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("admin")
@PageTitle("Administrator home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.ADMINISTRATOR)
public class AdministratorHomeView extends HomePage {

    AdministratorHomeView(CurrentUser currentUser, OrganisationService organisations, AccountService accounts,
            org.wholecare.notification.EmailProblems emails) {
        super(currentUser, organisations, "You manage the organisations and people that use Wholecare.");
        List<String> orgFacts = new ArrayList<>();
        organisations.countByType().forEach((type, count) -> {
            orgFacts.add(plural(type));
            orgFacts.add(String.valueOf(count));
        });
        List<String> accountFacts = new ArrayList<>();
        accounts.countByRole().forEach((role, count) -> {
            accountFacts.add(plural(role));
            accountFacts.add(String.valueOf(count));
        });
        accountFacts.add("Waiting to set a password");
        accountFacts.add(String.valueOf(accounts.countWaitingForPassword()));
        add(Ui.card("Organisations", Ui.facts(orgFacts.toArray(String[]::new))),
                Ui.card("Accounts", Ui.facts(accountFacts.toArray(String[]::new))), emailCard(emails.summary()));
    }

    /** Whether emails are going, and any that could not be sent after every try (who and why, never what). */
    private static com.vaadin.flow.component.Component emailCard(org.wholecare.notification.EmailProblems.Summary s) {
        var card = Ui.card("Emails", Ui.facts("Emails", s.mailIsSetUp() ? "Set up: emails are sent"
                : "Not set up: nothing is emailed, and invitation links are shown on screen",
                "Waiting to be sent", String.valueOf(s.waiting()), "Could not be sent", String.valueOf(s.failed())));
        card.setId("email-problems");
        if (!s.recentFailures().isEmpty()) {
            var list = new com.vaadin.flow.component.html.UnorderedList();
            for (var f : s.recentFailures()) {
                list.add(new com.vaadin.flow.component.html.ListItem("To " + f.to() + " (" + f.kind() + "), first "
                        + "tried " + org.wholecare.shared.UkTime.dayAndTime(f.firstTried()) + ", " + f.tries()
                        + " tries: " + f.lastError()));
            }
            card.add(new com.vaadin.flow.component.html.Paragraph("These could not be sent. Check the mail server "
                    + "settings (spring.mail.*); the people can still see what waits for them when they sign in."), list);
        }
        return card;
    }

    private static String plural(OrganisationType type) {
        return switch (type) {
            case COUNCIL -> "Councils";
            case NHS_BOARD -> "NHS integrated care boards";
            case BROKERAGE -> "Brokerages";
            case PROVIDER -> "Care and health providers";
        };
    }

    private static String plural(Role role) {
        return switch (role) {
            case BUDGET_HOLDER -> "Budget holders";
            case REPRESENTATIVE -> "Representatives and carers";
            case BROKER -> "Brokers";
            case PROVIDER -> "Provider staff";
            case COMMISSIONER -> "Commissioners";
            case ADMINISTRATOR -> "Administrators";
        };
    }
}
