package org.wholecare.oversight.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.AreaMarket;
import org.wholecare.oversight.PublicFigures;
import org.wholecare.shared.Money;
import org.wholecare.shared.UkTime;
import org.wholecare.shell.DataTable;
import org.wholecare.shell.Ui;

/**
 * For anyone, signed in or not: every area on Wholecare side by side, from the figures last
 * worked out (never from live budgets), with no count that could point to a person.
 */
@Route(value = "areas", autoLayout = false)
@PageTitle("How areas compare – Wholecare")
@AnonymousAllowed
public class AreasView extends Main {

    AreasView(PublicFigures figures) {
        addClassName("page");
        addClassName("public-page");
        add(new H1("How areas compare"));
        var latest = figures.latest();
        if (latest.isEmpty()) {
            add(new Paragraph("The figures have not been worked out yet. They are worked out every night; come "
                    + "back tomorrow."));
            return;
        }
        PublicFigures.Document d = latest.get();
        add(new Paragraph("How people's health and care budgets were used in each area, " + d.periodLabel()
                + " so far. Worked out on " + UkTime.dayAndTime(d.workedOutAt()) + ". So that nobody can be "
                + "identified, numbers of people are rounded to the nearest 5, fewer than 5 is shown as \"fewer than "
                + "5\", and a figure that would let a hidden one be worked out is hidden too."),
                openData(), people(d), overTime(d), money(d), prices(d),
                new Paragraph(new Anchor("login", "Sign in to Wholecare")));
    }

    static Paragraph openData() {
        Paragraph p = new Paragraph("The same figures as open data: ");
        p.add(new Anchor("open-data/areas.csv", "CSV"), new com.vaadin.flow.component.html.Span(" or "),
                new Anchor("open-data/areas.json", "JSON"), new com.vaadin.flow.component.html.Span(
                        ", under the Open Government Licence v3.0."));
        p.setId("open-data");
        return p;
    }

    private static com.vaadin.flow.component.Component people(PublicFigures.Document d) {
        List<String> headers = new ArrayList<>(List.of("Area", "People with a budget", "Per 10,000 adults"));
        for (BudgetManagement m : BudgetManagement.values()) {
            headers.add(m.label());
        }
        headers.add("Plan reviews on time");
        DataTable table = new DataTable("People with a budget this year", headers);
        for (PublicFigures.Area a : d.areas()) {
            table.row(peopleRow(a, true));
        }
        table.footer(peopleRow(d.allAreas(), false));
        var card = Ui.card("People with a budget", new Paragraph("How each budget is managed, as a share of the "
                + "people with a budget. Plan reviews on time: of the support plan reviews due this year so far, "
                + "the share done by their day."), table);
        card.setId("area-people");
        return card;
    }

    private static String[] peopleRow(PublicFigures.Area a, boolean link) {
        List<String> cells = new ArrayList<>();
        cells.add(a.name());
        cells.add(a.people().words());
        cells.add(perTenThousand(a));
        for (BudgetManagement m : BudgetManagement.values()) {
            var count = a.byModel().get(m.label());
            Long share = a.modelSharePercent().get(m.label());
            cells.add(count == null ? "" : count.words() + (share == null ? "" : " (" + share + "%)"));
        }
        cells.add(a.reviewedOnTimePercent() == null ? (a.reviewsDue().shown() ? "" : "too few to say")
                : a.reviewedOnTimePercent() + "%");
        return cells.toArray(String[]::new);
    }

    private static Paragraph overTime(PublicFigures.Document d) {
        Paragraph p = new Paragraph("One area over time: ");
        for (int i = 0; i < d.areas().size(); i++) {
            PublicFigures.Area a = d.areas().get(i);
            if (i > 0) {
                p.add(new com.vaadin.flow.component.html.Span(", "));
            }
            p.add(new Anchor("areas/" + a.areaId(), a.name()));
        }
        return p;
    }

    /** Per 10,000 adults; a count too small to give has no rate either, and without a population there is none. */
    static String perTenThousand(PublicFigures.Area a) {
        if (a.perTenThousandAdults() != null) {
            return String.format(java.util.Locale.UK, "%.1f", a.perTenThousandAdults());
        }
        return a.adultPopulation() == null ? "not known" : "too few to say";
    }

    private static com.vaadin.flow.component.Component money(PublicFigures.Document d) {
        List<String> headers = new ArrayList<>(List.of("Area"));
        for (FundingStream s : FundingStream.values()) {
            headers.add(s.label());
        }
        headers.add("Verified providers");
        int[] numeric = java.util.stream.IntStream.range(1, headers.size()).toArray();
        DataTable table = new DataTable("Spent per person with a budget this year, by who paid", headers, numeric);
        for (PublicFigures.Area a : d.areas()) {
            table.row(moneyRow(a));
        }
        table.footer(moneyRow(d.allAreas()));
        var card = Ui.card("Money spent per person", new Paragraph("What each funder's money paid for so far this "
                + "year, divided by the number of people with a budget."), table);
        card.setId("area-money");
        return card;
    }

    private static String[] moneyRow(PublicFigures.Area a) {
        List<String> cells = new ArrayList<>();
        cells.add(a.name());
        for (FundingStream s : FundingStream.values()) {
            cells.add(pounds(a.spendPerPersonPence().get(s.label())));
        }
        cells.add(Long.toString(a.verifiedProviders()));
        return cells.toArray(String[]::new);
    }

    private static String pounds(@Nullable Long pence) {
        return pence == null ? "too few to say" : Money.format(pence);
    }

    private static com.vaadin.flow.component.Component prices(PublicFigures.Document d) {
        DataTable table = new DataTable("Typical prices", List.of("Area", "Kind of support", "Typical price",
                "Listings"), 2, 3);
        for (PublicFigures.Area a : d.areas()) {
            for (AreaMarket.TypicalPrice p : a.typicalPrices()) {
                table.row(a.name(), p.categoryName(), Money.format(p.pricePence()) + " per " + p.unit().label(),
                        Integer.toString(p.listings()));
            }
        }
        var card = Ui.card("Typical prices", new Paragraph("The middle price of each kind of support that at least "
                + "three published listings offer."), table);
        card.setId("area-prices");
        return card;
    }
}
