package org.wholecare.budget.ui;

import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.Statement;
import org.wholecare.budget.StatementService;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.function.Function;
import org.wholecare.shell.Ui;

/** Download links for each month's statement. */
final class StatementLinks {

    private StatementLinks() {
    }

    static Component card(StatementService statements, BudgetSummary budget, java.time.Clock clock) {
        UnorderedList list = new UnorderedList();
        list.addClassName("statement-links");
        for (YearMonth month : StatementService.months(budget, YearMonth.now(clock.withZone(UkTime.ZONE)))) {
            String name = UkTime.month(month);
            String file = "statement-" + month;
            list.add(new ListItem(new Span(name + ": "),
                    link(statements, budget.id(), month, "CSV", file + ".csv", "text/csv", StatementService::csv,
                            "Download the " + name + " statement as a spreadsheet (CSV)"),
                    new Span(" · "),
                    link(statements, budget.id(), month, "PDF", file + ".pdf", "application/pdf", StatementService::pdf,
                            "Download the " + name + " statement as a PDF")));
        }
        return Ui.card("Statements", new Paragraph("A statement lists every movement of money in a month, "
                + "with the balances at its start and end."), list);
    }

    private static Anchor link(StatementService statements, long budgetId, YearMonth month, String text,
            String fileName, String contentType, Function<Statement, byte[]> render, String label) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = render.apply(statements.statement(budgetId, month));
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), text);
        anchor.getElement().setAttribute("aria-label", label);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
