package org.wholecare.oversight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.ledger.FundingStream;
import org.wholecare.oversight.AreaOverview;
import org.wholecare.oversight.AreaOverviews;
import org.wholecare.oversight.PublicFigures;
import org.wholecare.oversight.Returns;
import org.wholecare.oversight.ReportingPeriod;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.BarChart;
import org.wholecare.shell.DataTable;
import org.wholecare.shell.Ui;

/**
 * The commissioner's picture of their area for a period: every stream's money, and their own
 * streams' spending by month, kind of support and provider, each chart next to its table.
 */
@Route("commissioner/overview")
@PageTitle("Area overview – Wholecare")
@Menu(title = "Area overview", order = 5, icon = "vaadin:chart-grid")
@RolesAllowed(Roles.COMMISSIONER)
public class AreaOverviewView extends Main implements BeforeEnterObserver {

    private final AreaOverviews overviews;
    private final Select<ReportingPeriod> period = new Select<>();
    private final Div figures = new Div();

    private final PublicFigures publicFigures;
    private final Returns returns;

    AreaOverviewView(AreaOverviews overviews, PublicFigures publicFigures, Returns returns) {
        this.overviews = overviews;
        this.publicFigures = publicFigures;
        this.returns = returns;
        addClassName("page");
        period.setLabel("Period");
        period.setItemLabelGenerator(ReportingPeriod::label);
        period.setItems(overviews.periods());
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(AreaOverviewView.class,
                        QueryParameters.of("period", e.getValue().code())));
            }
        });
        figures.setId("area-figures");
        add(new H1("Area overview"), period, figures, returnsCard(), publicCard());
    }

    /** The funder's quarterly return, for the quarter chosen, as a spreadsheet with how each figure was counted. */
    private Component returnsCard() {
        Select<ReportingPeriod> quarter = new Select<>();
        quarter.setLabel("Quarter");
        quarter.setItemLabelGenerator(ReportingPeriod::label);
        List<ReportingPeriod> quarters = overviews.periods().stream().filter(p -> p.code().contains("-Q")).toList();
        quarter.setItems(quarters);
        if (!quarters.isEmpty()) {
            quarter.setValue(quarters.getFirst());
        }
        com.vaadin.flow.component.html.Anchor download = new com.vaadin.flow.component.html.Anchor(
                com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                    ReportingPeriod chosen = quarter.getValue() == null ? quarters.getFirst() : quarter.getValue();
                    byte[] bytes = returns.forMyFunder(chosen.code()).csv()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                            "return-" + chosen.code() + ".csv", "text/csv", bytes.length);
                }), "Download the quarterly return (CSV)");
        download.getElement().setAttribute("download", true);
        download.setId("quarterly-return");
        var card = Ui.card("Quarterly return", new Paragraph("The figures your organisation hands in each quarter, "
                + "each with a note of how it was counted."), quarter, new Paragraph(download));
        card.setId("returns");
        return card;
    }

    /** When the public comparison was last worked out, and a button to do it now. */
    private Component publicCard() {
        Paragraph when = new Paragraph();
        when.getElement().setAttribute("role", "status");
        Runnable say = () -> when.setText(publicFigures.latest().map(d -> "The public comparison was last worked out "
                + "on " + UkTime.dayAndTime(d.workedOutAt()) + ". It is worked out every night.")
                .orElse("The public comparison has not been worked out yet."));
        say.run();
        com.vaadin.flow.component.button.Button now = new com.vaadin.flow.component.button.Button(
                "Work out the public figures now", click -> {
                    try {
                        publicFigures.workOut();
                        say.run();
                    } finally {
                        click.getSource().setEnabled(true);
                    }
                });
        now.setDisableOnClick(true);
        var card = Ui.card("What the public sees", when, new Paragraph(new com.vaadin.flow.component.html.Anchor(
                "areas", "How areas compare")), now);
        card.setId("public-figures");
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getLocation().getQueryParameters().getSingleParameter("period").orElse(null);
        figures.removeAll();
        period.setInvalid(false);
        try {
            AreaOverview overview = overviews.overview(code);
            period.setValue(overview.period());
            show(overview);
        } catch (ValidationException e) {
            // a period typed into the address that cannot be shown: said at the field, no figures
            period.setErrorMessage(e.getMessage());
            period.setInvalid(true);
            figures.add(new Paragraph(e.getMessage()));
        }
    }

    private void show(AreaOverview o) {
        List<FundingStream> own = o.streams().stream().map(AreaOverview.StreamFigures::stream)
                .filter(o.ownStreams()::contains).toList();
        String ownWords = own.stream().map(FundingStream::label).collect(Collectors.joining(" and "));
        figures.add(new Paragraph(o.areaName() + ", " + o.period().label() + ", as at " + UkTime.dayAndTime(o.asAt())
                + ". You are at " + o.funderName() + ": " + ownWords + " " + (own.size() > 1 ? "are" : "is")
                + " shown in detail, the other streams as totals."), streams(o), months(o, own), kinds(o, own),
                providers(o, own), people(o));
    }

    private static Component streams(AreaOverview o) {
        DataTable table = new DataTable("Money by funding stream", List.of("Funding stream", "Allocated",
                "Set aside", "Spent", "Unspent", "Spent in this period", "Forecast left at the end"), 1, 2, 3, 4, 5, 6);
        for (AreaOverview.StreamFigures s : o.streams()) {
            table.row(cells(s, s.stream().label()));
        }
        table.footer(cells(o.total(), "All streams"));
        var card = Ui.card("Money by funding stream", new Paragraph("For the " + o.people().budgets()
                + " budgets that ran in this period. The forecast is what will be left when they end if spending "
                + "goes on at its pace so far."), table);
        card.setId("money-by-stream");
        return card;
    }

    private static String[] cells(AreaOverview.StreamFigures s, String label) {
        return new String[] {label, Money.format(s.allocated()), Money.format(s.setAside()), Money.format(s.spent()),
                Money.format(s.unspent()), Money.format(s.spentInPeriod()), Money.format(s.forecastUnspent())};
    }

    private static Component months(AreaOverview o, List<FundingStream> own) {
        var card = Ui.card("Spending by month", chart("Spending by month", o.byMonth()),
                breakdown("Spending by month", "Month", o.byMonth(), own));
        card.setId("spending-by-month");
        return card;
    }

    private static Component kinds(AreaOverview o, List<FundingStream> own) {
        var card = Ui.card("Spending by kind of support", o.byKind().isEmpty()
                ? new Paragraph("Nothing was spent in this period.")
                : new Div(chart("Spending by kind of support", o.byKind()),
                        breakdown("Spending by kind of support", "Kind of support", o.byKind(), own)));
        card.setId("spending-by-kind");
        return card;
    }

    private static Component providers(AreaOverview o, List<FundingStream> own) {
        var card = Ui.card("Spending by provider", o.byProvider().isEmpty()
                ? new Paragraph("Nothing was spent in this period.")
                : breakdown("Spending by provider", "Provider", o.byProvider(), own));
        card.setId("spending-by-provider");
        return card;
    }

    private static BarChart chart(String caption, List<AreaOverview.Breakdown> rows) {
        return new BarChart(caption, rows.stream().map(r -> new BarChart.Bar(r.label(), r.total())).toList());
    }

    private static DataTable breakdown(String caption, String first, List<AreaOverview.Breakdown> rows,
            List<FundingStream> own) {
        List<String> headers = new ArrayList<>();
        headers.add(first);
        own.forEach(s -> headers.add(s.label()));
        if (own.size() > 1) {
            headers.add("Total");
        }
        int[] numeric = java.util.stream.IntStream.range(1, headers.size()).toArray();
        DataTable table = new DataTable(caption, headers, numeric);
        for (AreaOverview.Breakdown row : rows) {
            table.row(row(row.label(), row.pence(), row.total(), own));
        }
        Map<FundingStream, Long> sums = new java.util.EnumMap<>(FundingStream.class);
        rows.forEach(r -> r.pence().forEach((s, p) -> sums.merge(s, p, Long::sum)));
        table.footer(row("Total", sums, rows.stream().mapToLong(AreaOverview.Breakdown::total).sum(), own));
        return table;
    }

    private static String[] row(String label, Map<FundingStream, Long> pence, long total, List<FundingStream> own) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        own.forEach(s -> cells.add(Money.format(pence.getOrDefault(s, 0L))));
        if (own.size() > 1) {
            cells.add(Money.format(total));
        }
        return cells.toArray(String[]::new);
    }

    private static Component people(AreaOverview o) {
        DataTable table = new DataTable("People with a budget in this period", List.of("Group", "People"), 1);
        for (BudgetManagement m : BudgetManagement.values()) {
            table.row(m.label(), Long.toString(o.people().byManagement().getOrDefault(m, 0L)));
        }
        table.row("Adults (18 and over)", Long.toString(o.people().adults()));
        table.row("Children (under 18)", Long.toString(o.people().children()));
        table.footer("All budgets", Long.toString(o.people().budgets()));
        var card = Ui.card("People with a budget", table);
        card.setId("people-with-a-budget");
        return card;
    }
}
