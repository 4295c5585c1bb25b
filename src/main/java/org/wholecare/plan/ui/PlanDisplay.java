package org.wholecare.plan.ui;

import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.ui.PlanDisplay;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.wholecare.shared.Money;
import org.wholecare.shell.DataTable;

/** A support plan version shown as its outcomes and a table of the support that meets them. */
public final class PlanDisplay {


    private PlanDisplay() {
    }

    public static Component render(SupportPlan plan, String idPrefix) {
        Div box = new Div();
        box.setId(idPrefix);
        OrderedList outcomes = new OrderedList();
        plan.outcomes().forEach(o -> outcomes.add(new ListItem(o)));
        box.add(new Paragraph("What the support is for:"), outcomes);
        if (plan.lines().isEmpty()) {
            box.add(new Paragraph("No support has been planned yet."));
        } else {
            DataTable table = new DataTable("The support that meets these outcomes",
                    List.of("Support", "Kind of support", "Planned cost", "For a year", "Helps with outcome"), 2, 3);
            for (SupportPlan.Line line : plan.lines()) {
                table.row(line.description(), line.categoryName(),
                        Money.format(line.plannedPence()) + " " + line.frequency().label(),
                        Money.format(line.perYearPence()), String.valueOf(line.outcome()));
            }
            table.footer("Total", "", "", Money.format(plan.perYearPence()), "");
            box.add(table);
        }
        String who = plan.status() == SupportPlan.Status.AGREED
                ? "Version " + plan.version() + ", agreed by " + plan.agreedByName() + " on " + UkTime.day(plan.agreedAt())
                : "Draft version " + plan.version() + ", last changed by " + plan.draftedByName() + " on "
                        + UkTime.day(plan.draftedAt()) + ". It is waiting to be agreed.";
        box.add(new Paragraph(who + ". Review by " + UkTime.day(plan.reviewDate()) + "."));
        return box;
    }
}
