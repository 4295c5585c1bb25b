package org.wholecare.budget;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.consent.BudgetAccess;

import org.wholecare.shared.UkTime;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerAccount;
import org.wholecare.ledger.LedgerEntryView;
import org.wholecare.ledger.LedgerService;
import org.wholecare.ledger.StreamBalance;
import org.wholecare.shared.Money;

/** Monthly statements, as CSV for spreadsheets and PDF for printing, straight from the ledger. */
@Service
public class StatementService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK)
            .withZone(UkTime.ZONE);

    private final BudgetService budgets;
    private final HolderDirectory holders;
    private final BudgetAccess access;
    private final LedgerService ledger;

    private final java.util.List<StatementNotes> notes;

    StatementService(BudgetService budgets, HolderDirectory holders, BudgetAccess access, LedgerService ledger,
            java.util.List<StatementNotes> notes) {
        this.notes = notes;
        this.budgets = budgets;
        this.holders = holders;
        this.access = access;
        this.ledger = ledger;
    }

    /** Read in one snapshot, so opening, lines and closing cannot disagree with each other. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Statement statement(long budgetId, YearMonth month) {
        BudgetSummary budget = budgets.summary(budgetId).orElseThrow(BudgetAccess::noAccess);
        HolderSummary holder = holders.byId(budget.holderId()).orElseThrow();
        access.requireView(holder, "Downloaded a statement");
        var from = month.atDay(1).atStartOfDay(UkTime.ZONE).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(UkTime.ZONE).toInstant();
        BudgetBalance opening = ledger.balanceBefore(budgetId, from);
        BudgetBalance closing = ledger.balanceBefore(budgetId, to);
        List<Statement.Line> lines = new ArrayList<>();
        for (LedgerEntryView entry : ledger.entries(budgetId, from, to)) {
            String note = notes.stream().map(n -> n.noteFor(entry)).flatMap(java.util.Optional::stream)
                    .map(n -> " (" + n + ")").findFirst().orElse("");
            for (FundingStream stream : FundingStream.values()) {
                if (entry.lines().stream().noneMatch(l -> l.stream() == stream)) {
                    continue;
                }
                lines.add(new Statement.Line(entry.postedAt(), entry.kind().label() + ": " + entry.reason() + note, stream,
                        -entry.change(LedgerAccount.FUNDING, stream), entry.change(LedgerAccount.COMMITTED, stream),
                        entry.change(LedgerAccount.SPENT, stream), entry.change(LedgerAccount.AVAILABLE, stream)));
            }
        }
        return new Statement(holder, budget, month, opening, closing, lines);
    }

    /** The months a statement can be downloaded for: from the budget's start to this month. */
    public static List<YearMonth> months(BudgetSummary budget, YearMonth now) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(budget.endDate()).isBefore(now) ? YearMonth.from(budget.endDate()) : now;
        for (YearMonth m = last; !m.isBefore(YearMonth.from(budget.startDate())); m = m.minusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public static byte[] csv(Statement s) {
        StringBuilder out = new StringBuilder();
        row(out, "Wholecare budget statement", s.holder().fullName(), UkTime.month(s.month()));
        row(out, "Amounts in pounds. Available = allocated - set aside - spent.");
        row(out);
        row(out, "Date", "Description", "Funding stream", "Allocated", "Set aside", "Spent", "Change to available");
        for (FundingStream stream : FundingStream.values()) {
            row(out, "", "Opening balance", stream.label(), pounds(s.opening().stream(stream).allocated()),
                    pounds(s.opening().stream(stream).committed()), pounds(s.opening().stream(stream).spent()),
                    pounds(s.opening().stream(stream).available()));
        }
        for (Statement.Line line : s.lines()) {
            row(out, DAY.format(line.postedAt()), line.description(), line.stream().label(),
                    pounds(line.allocatedChange()), pounds(line.committedChange()), pounds(line.spentChange()),
                    pounds(line.availableChange()));
        }
        for (FundingStream stream : FundingStream.values()) {
            row(out, "", "Total for the month", stream.label(), pounds(s.total(Statement.Line::allocatedChange, stream)),
                    pounds(s.total(Statement.Line::committedChange, stream)),
                    pounds(s.total(Statement.Line::spentChange, stream)), pounds(s.totalAvailableChange(stream)));
        }
        for (FundingStream stream : FundingStream.values()) {
            StreamBalance c = s.closing().stream(stream);
            row(out, "", "Closing balance", stream.label(), pounds(c.allocated()), pounds(c.committed()),
                    pounds(c.spent()), pounds(c.available()));
        }
        row(out, "", "Closing balance", "All streams", pounds(s.closing().allocated()), pounds(s.closing().committed()),
                pounds(s.closing().spent()), pounds(s.closing().available()));
        // a byte-order mark so spreadsheet programs read the £ sign correctly
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf(Statement s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, bytes);
        document.addTitle("Budget statement for " + UkTime.month(s.month()));
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        document.add(new Paragraph("Budget statement for " + UkTime.month(s.month()), title));
        document.add(new Paragraph(s.holder().fullName() + ", NHS number " + s.holder().nhsNumberForDisplay()
                + ". Budget from " + UkTime.day(s.budget().startDate()) + " to "
                + UkTime.day(s.budget().endDate()) + ".", body));
        document.add(new Paragraph("Money available at the start of the month: " + Money.format(s.opening().available())
                + ". At the end: " + Money.format(s.closing().available()) + ".", bold));
        document.add(new Paragraph(" ", body));

        PdfPTable table = new PdfPTable(new float[] {1.2f, 4.5f, 2f, 1.3f, 1.3f, 1.3f, 1.5f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : new String[] {"Date", "Description", "Funding stream", "Allocated", "Set aside",
                "Spent", "Change to available"}) {
            table.addCell(cell(header, bold, false));
        }
        for (FundingStream stream : FundingStream.values()) {
            balanceRow(table, "Opening balance", stream, s.opening().stream(stream), body, bold, body);
        }
        for (Statement.Line line : s.lines()) {
            table.addCell(cell(DAY.format(line.postedAt()), body, false));
            table.addCell(cell(line.description(), body, false));
            table.addCell(cell(line.stream().label(), body, false));
            table.addCell(cell(Money.format(line.allocatedChange()), body, true));
            table.addCell(cell(Money.format(line.committedChange()), body, true));
            table.addCell(cell(Money.format(line.spentChange()), body, true));
            table.addCell(cell(Money.format(line.availableChange()), body, true));
        }
        for (FundingStream stream : FundingStream.values()) {
            balanceRow(table, "Closing balance", stream, s.closing().stream(stream), body, bold, bold);
        }
        document.add(table);
        document.close();
        return bytes.toByteArray();
    }

    private static void balanceRow(PdfPTable table, String label, FundingStream stream, StreamBalance balance,
            Font body, Font bold, Font figures) {
        table.addCell(cell("", body, false));
        table.addCell(cell(label, bold, false));
        table.addCell(cell(stream.label(), body, false));
        table.addCell(cell(Money.format(balance.allocated()), figures, true));
        table.addCell(cell(Money.format(balance.committed()), figures, true));
        table.addCell(cell(Money.format(balance.spent()), figures, true));
        table.addCell(cell(Money.format(balance.available()), figures, true));
    }

    private static PdfPCell cell(String text, Font font, boolean number) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        if (number) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    private static String pounds(long pence) {
        return new java.math.BigDecimal(pence).movePointLeft(2).toPlainString();
    }

    static void row(StringBuilder out, String... cells) {
        try {
            CSV.printRecord(out, (Object[]) java.util.Arrays.stream(cells).map(StatementService::neutralised)
                    .toArray(String[]::new));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Excel's dialect: quoted where a cell holds a separator, a quote or any line break (\r alone too). */
    private static final org.apache.commons.csv.CSVFormat CSV = org.apache.commons.csv.CSVFormat.EXCEL;

    /**
     * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
     * return: OWASP's list) is made plain text with a leading apostrophe. Amounts, negative ones
     * included, stay numbers.
     */
    static @Nullable String neutralised(@Nullable String cell) {
        if (cell == null || cell.isEmpty() || cell.matches("-?\\d+(\\.\\d+)?")) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
