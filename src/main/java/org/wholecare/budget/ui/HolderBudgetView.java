package org.wholecare.budget.ui;

import org.wholecare.budget.BudgetOverview;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.StatementService;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.ChosenHolder;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Roles;
import org.wholecare.shell.Ui;

/** The budget holder's (or their representative's) budget page, in plain English. */
@Route("budget")
@PageTitle("Your budget – Wholecare")
@Menu(title = "Budget", order = 10, icon = "vaadin:wallet")
@RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
public class HolderBudgetView extends Main {

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    HolderBudgetView(java.time.Clock clock, BudgetHolderService holders, BudgetService budgets, StatementService statements,
            org.wholecare.consent.ConsentService consent, CurrentUser currentUser) {
        this.clock = clock;
        addClassName("page");
        boolean holderThemself = currentUser.require().role() == Role.BUDGET_HOLDER;
        var holder = ChosenHolder.of(holders, currentUser.require());
        if (holder.isEmpty()) {
            add(new H1("Budget"), Ui.card("No budget to show", new Paragraph(ChosenHolder.nobody(currentUser.require().role()))));
            return;
        }
        add(new H1(holderThemself ? "Your budget" : holder.get().fullName() + "'s budget"));
        var budget = budgets.currentBudget(holder.get().id());
        if (budget.isEmpty()) {
            add(Ui.card("No budget yet", new Paragraph("The budget has not been set up yet. Your council or NHS "
                    + "team sets it up after the assessment, and then it will be shown here.")));
            return;
        }
        BudgetOverview overview = budgets.overview(budget.get().id());
        BudgetFigures.render(overview, holderThemself ? null : BudgetFigures.firstName(holder.get().fullName()))
                .forEach(this::add);
        if (holderThemself) {
            add(whoMayAct(consent.grants(holder.get().id())));
        }
        add(StatementLinks.card(statements, overview.budget(), clock));
    }

    /**
     * Who holds the money and who may act are different things: this says the second, from the
     * holder's own grants in force today.
     */
    private com.vaadin.flow.component.Component whoMayAct(java.util.List<org.wholecare.consent.ConsentGrant> grants) {
        java.time.LocalDate today = org.wholecare.shared.UkTime.today(clock);
        var active = grants.stream().filter(g -> g.activeOn(today)).toList();
        var card = Ui.card("Who may act for you");
        if (active.isEmpty()) {
            card.add(new Paragraph("Nobody may act for you at the moment. You can change that on Who can help."));
        }
        active.forEach(g -> card.add(new Paragraph(g.granteeName() + " may " + g.scope().allows()
                + (g.endsOn() == null ? "" : ", until " + org.wholecare.shared.UkTime.day(g.endsOn())) + ".")));
        card.setId("who-may-act");
        return card;
    }
}
