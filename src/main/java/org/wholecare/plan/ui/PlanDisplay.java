package org.wholecare.plan.ui;

import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.PlanLineSpending;

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
        return render(plan, idPrefix, null);
    }

    /**
     * With {@code spending}, each line also shows what has been booked and spent for it, against
     * what was planned for a year: spend linked to the outcomes it serves.
     */
    public static Component render(SupportPlan plan, String idPrefix,
            java.util.@org.jspecify.annotations.Nullable Map<String, PlanLineSpending.Spending> spending) {
        Div box = new Div();
        box.setId(idPrefix);
        OrderedList outcomes = new OrderedList();
        plan.outcomes().forEach(o -> outcomes.add(new ListItem(o)));
        box.add(new Paragraph("What the support is for:"), outcomes);
        if (plan.lines().isEmpty()) {
            box.add(new Paragraph("No support has been planned yet."));
        } else {
            box.add(lines(plan, spending));
        }
        String who = plan.status() == SupportPlan.Status.AGREED
                ? "Version " + plan.version() + ", agreed by " + plan.agreedByName() + " on " + UkTime.day(plan.agreedAt())
                : "Draft version " + plan.version() + ", last changed by " + plan.draftedByName() + " on "
                        + UkTime.day(plan.draftedAt()) + ". It is waiting to be agreed.";
        box.add(new Paragraph(who + ". Review by " + UkTime.day(plan.reviewDate()) + "."));
        return box;
    }

    /** The plan's lines as a table, with what was booked and spent for each when {@code spending} is given. */
    private static DataTable lines(SupportPlan plan,
            java.util.@org.jspecify.annotations.Nullable Map<String, PlanLineSpending.Spending> spending) {
        List<String> headings = new java.util.ArrayList<>(List.of("Support", "Kind of support", "Planned cost",
                "For a year", "Helps with outcome"));
        int[] numeric = {2, 3};
        if (spending != null) {
            headings.addAll(List.of("Booked for it", "Spent on it"));
            numeric = new int[] {2, 3, 5, 6};
        }
        DataTable table = new DataTable("The support that meets these outcomes", headings, numeric);
        long booked = 0;
        long spent = 0;
        for (SupportPlan.Line line : plan.lines()) {
            List<String> cells = new java.util.ArrayList<>(List.of(line.description(), line.categoryName(),
                    Money.format(line.plannedPence()) + " " + line.frequency().label(),
                    Money.format(line.perYearPence()), String.valueOf(line.outcome())));
            if (spending != null) {
                var s = spending.getOrDefault(line.description().strip(), new PlanLineSpending.Spending(0, 0));
                cells.addAll(List.of(Money.format(s.bookedPence()), Money.format(s.spentPence())));
                booked += s.bookedPence();
                spent += s.spentPence();
            }
            table.row(cells.toArray(String[]::new));
        }
        List<String> total = new java.util.ArrayList<>(List.of("Total", "", "", Money.format(plan.perYearPence()), ""));
        if (spending != null) {
            total.addAll(List.of(Money.format(booked), Money.format(spent)));
        }
        table.footer(total.toArray(String[]::new));
        return table;
    }
}
