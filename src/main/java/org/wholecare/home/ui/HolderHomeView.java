package org.wholecare.home.ui;


import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.router.RouterLink;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.ui.HolderBudgetView;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.shared.Money;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

@Route("holder")
@PageTitle("Your home – Wholecare")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@RolesAllowed(Roles.BUDGET_HOLDER)
public class HolderHomeView extends HomePage {

    HolderHomeView(CurrentUser currentUser, OrganisationService organisations, BudgetHolderService holders,
            BudgetService budgets, java.util.List<org.wholecare.shared.ThingsToDo> things) {
        super(currentUser, organisations, "This is your Wholecare home. Your budget for health and social care "
                + "is shown as one amount, with what you have spent and what is left.");
        add(ThingsToDoCard.of(things));
        var budget = holders.mine().flatMap(h -> budgets.currentBudget(h.id()));
        if (budget.isEmpty()) {
            add(Ui.card("Your budget", new Paragraph("Your budget has not been set up yet. Your council or NHS team "
                    + "sets it up after your assessment. When they have, you will see it on this page.")));
            return;
        }
        var balance = budgets.overview(budget.get().id()).balance();
        Paragraph amount = new Paragraph(Money.format(balance.available()));
        amount.addClassName("big-figure");
        add(Ui.card("Your budget", new Paragraph("Money you can use now:"), amount,
                new Paragraph("Out of " + Money.format(balance.allocated()) + " for the year. "
                        + Money.format(balance.committed()) + " is set aside for services you have booked and "
                        + Money.format(balance.spent()) + " has been spent."),
                new RouterLink("See your budget in full", HolderBudgetView.class)));
    }
}
