package org.wholecare.budget.ui;

import org.wholecare.budget.BudgetOverview;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.SpendingForecast;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerAccount;
import org.wholecare.ledger.LedgerEntryView;
import org.wholecare.ledger.StreamBalance;
import org.wholecare.shared.Money;
import org.wholecare.shell.DataTable;
import org.wholecare.shell.Ui;

/** The figures of one budget, as holders, representatives and commissioners see them. */
final class BudgetFigures {


    private BudgetFigures() {
    }

    /** How people who know them would name a holder: by their first name. */
    static String firstName(String fullName) {
        return fullName.strip().split("\\s+")[0];
    }

    /**
     * @param person the holder's first name when someone else is looking (a carer, a broker, a
     *               commissioner), or null when the holder is: every sentence names the right person
     */
    static List<Component> render(BudgetOverview overview, @org.jspecify.annotations.Nullable String person) {
        boolean forHolder = person == null;
        BudgetBalance balance = overview.balance();
        BudgetSummary budget = overview.budget();
        List<Component> parts = new ArrayList<>();

        Paragraph label = new Paragraph(forHolder ? "Money you can use now" : "Money available now");
        label.addClassName("big-figure-label");
        Paragraph available = new Paragraph(Money.format(balance.available()));
        available.addClassName("big-figure");
        available.setId("available-now");
        Paragraph period = new Paragraph("For " + UkTime.day(budget.startDate()) + " to " + UkTime.day(budget.endDate())
                + ". " + budget.management().label() + ": " + budget.management().explanationFor(person));
        parts.add(Ui.card(forHolder ? "Your budget at a glance" : person + "'s budget at a glance", label, available,
                period, forecast(overview, person)));

        DataTable streams = new DataTable("Where the money comes from, in pounds",
                List.of("Funding stream", "Allocated", "Set aside for bookings", "Spent", "Available"), 1, 2, 3, 4);
        for (StreamBalance stream : balance.streams()) {
            if (stream.allocated() == 0 && stream.committed() == 0 && stream.spent() == 0) {
                continue;
            }
            streams.row(stream.stream().labelFor(person), Money.format(stream.allocated()),
                    Money.format(stream.committed()),
                    Money.format(stream.spent()), Money.format(stream.available()));
        }
        streams.footer("Total", Money.format(balance.allocated()), Money.format(balance.committed()),
                Money.format(balance.spent()), Money.format(balance.available()));
        streams.setId("stream-figures");
        parts.add(Ui.card("Each funding stream", streams,
                new Paragraph("Available is what is allocated, less what is set aside for services "
                        + (forHolder ? "you have booked" : person + " has booked") + " and what has been spent.")));

        if (!budget.calculations().isEmpty()) {
            UnorderedList how = new UnorderedList();
            budget.calculations().forEach((stream, calculation) ->
                    how.add(new ListItem(stream.labelFor(person) + ": " + calculation)));
            parts.add(Ui.card(forHolder ? "How your budget was worked out" : "How " + person + "'s budget was worked out",
                    how));
        }

        parts.add(Ui.card("Spending month by month", chart(overview)));
        parts.add(Ui.card("Recent transactions", transactions(overview.recentEntries())));
        return parts;
    }

    private static Component forecast(BudgetOverview overview, @org.jspecify.annotations.Nullable String person) {
        boolean forHolder = person == null;
        SpendingForecast f = overview.forecast();
        Div box = new Div();
        box.setId("forecast");
        if (!f.started()) {
            box.add(new Paragraph("The budget starts on " + UkTime.day(overview.budget().startDate()) + "."));
            return box;
        }
        Paragraph headline;
        if (f.runsOutOn() != null && f.runsOutOn().isBefore(overview.budget().endDate())) {
            headline = new Paragraph("At this rate the budget lasts until " + UkTime.day(f.runsOutOn())
                    + ", before it ends on " + UkTime.day(overview.budget().endDate()) + ".");
            headline.addClassName("warning");
        } else if (f.usedPence() == 0) {
            headline = new Paragraph("Nothing has been spent or booked yet.");
        } else {
            headline = new Paragraph("At this rate " + (forHolder ? "you are" : person + " is")
                    + " on track to leave " + Money.format(f.projectedUnspentPence()) + " unspent at the end.");
        }
        headline.getElement().setAttribute("role", "status");
        box.add(headline);
        box.add(new Paragraph("This is based on " + Money.format(f.usedPence()) + " spent or set aside in the first "
                + f.daysElapsed() + " of " + f.daysInPeriod() + " days (about " + Money.format(f.weeklyRatePence())
                + " a week), out of " + Money.format(f.allocatedPence()) + " allocated. Money set aside for "
                + "booked services counts as used."));
        if (f.overSurplusThreshold()) {
            Paragraph warning = new Paragraph("At this rate " + Money.format(f.projectedUnspentPence())
                    + " would be left unspent: more than " + f.surplusThresholdWeeks() + " weeks of planned spending ("
                    + Money.format(f.surplusThresholdPence()) + "), so the council or NHS "
                    + "may ask for some of it back. " + (forHolder
                            ? "Talk to your broker or commissioner about the support you need."
                            : "Talk with " + person + " about the support " + person + " needs."));
            warning.addClassName("warning");
            warning.setId("surplus-warning");
            box.add(warning);
        }
        return box;
    }

    private static Component chart(BudgetOverview overview) {
        long max = overview.spendByMonth().stream()
                .mapToLong(m -> m.spentPence() + Math.max(m.committedPence(), 0)).max().orElse(0);
        Div wrapper = new Div();
        Div legend = new Div(swatch("bar-spent", "Spent"), swatch("bar-committed", "Set aside for bookings"));
        legend.addClassName("legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        UnorderedList bars = new UnorderedList();
        bars.addClassName("bars");
        bars.getElement().setAttribute("aria-label", "Spent and set aside each month");
        for (BudgetOverview.MonthlySpend month : overview.spendByMonth()) {
            long committed = Math.max(month.committedPence(), 0);
            Div track = new Div();
            track.addClassName("bar-track");
            track.getElement().setAttribute("aria-hidden", "true");
            if (max > 0) {
                Div spent = new Div();
                spent.addClassName("bar-spent");
                spent.getStyle().set("width", (month.spentPence() * 100.0 / max) + "%");
                Div set = new Div();
                set.addClassName("bar-committed");
                set.getStyle().set("width", (committed * 100.0 / max) + "%");
                track.add(spent, set);
            }
            Span name = new Span(UkTime.month(month.month()));
            Span amount = new Span(Money.format(month.spentPence()));
            amount.addClassName("bar-amount");
            Span screenReader = new Span(": spent " + Money.format(month.spentPence()) + ", set aside "
                    + Money.format(committed));
            screenReader.addClassName("visually-hidden");
            ListItem item = new ListItem(name, screenReader, track, amount);
            bars.add(item);
        }
        wrapper.add(legend, bars);
        return wrapper;
    }

    private static Component swatch(String className, String text) {
        Span box = new Span();
        box.addClassNames("swatch", className);
        return new Span(box, new Span(text));
    }

    private static Component transactions(List<LedgerEntryView> entries) {
        if (entries.isEmpty()) {
            return new Paragraph("No money has moved yet.");
        }
        DataTable table = new DataTable("The latest 10 movements of money", List.of("Date", "What happened",
                "Change to money available", "Funding streams"), 2);
        for (LedgerEntryView entry : entries) {
            List<String> streams = new ArrayList<>();
            for (FundingStream stream : FundingStream.values()) {
                // the amount that moved within the stream: the positive side of its lines
                long moved = entry.lines().stream().filter(l -> l.stream() == stream && l.pence() > 0)
                        .mapToLong(LedgerEntryView.LedgerLineView::pence).sum();
                if (moved != 0) {
                    streams.add(stream.label() + " " + Money.format(moved));
                }
            }
            long availableChange = entry.change(LedgerAccount.AVAILABLE);
            table.row(UkTime.day(entry.postedAt()), entry.kind().label() + ": " + entry.reason(),
                    (availableChange > 0 ? "+" : "") + Money.format(availableChange), String.join("; ", streams));
        }
        return table;
    }
}
