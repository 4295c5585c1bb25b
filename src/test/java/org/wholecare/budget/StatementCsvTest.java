package org.wholecare.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What a provider types into a listing's title reaches statements: it must stay text, in its own cell. */
class StatementCsvTest {

    private static List<CSVRecord> written(String... cells) throws Exception {
        StringBuilder out = new StringBuilder();
        StatementService.row(out, cells);
        return CSVFormat.EXCEL.parse(new StringReader(out.toString())).getRecords();
    }

    @Test
    void aBareCarriageReturnCannotStartANewRowWithAFormula() throws Exception {
        List<CSVRecord> rows = written("01/12/2026", "Booked Morning help\r=HYPERLINK(\"http://evil.example\")",
                "Council social care", "-12.50");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(1)).isEqualTo("Booked Morning help\r=HYPERLINK(\"http://evil.example\")");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreMadePlainText() throws Exception {
        List<CSVRecord> rows = written("=1+1", "+SUM(A1)", "@cmd", "\t=2", "\r=3", "-HYPERLINK()", "-12.50", "24.50", "");
        assertThat(rows.getFirst().toList()).containsExactly("'=1+1", "'+SUM(A1)", "'@cmd", "'\t=2", "'\r=3",
                "'-HYPERLINK()", "-12.50", "24.50", "");
    }

    @Test
    void commasQuotesAndLineBreaksStayInsideTheirCell() throws Exception {
        List<CSVRecord> rows = written("Help, \"the good kind\"", "two\nlines");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().toList()).containsExactly("Help, \"the good kind\"", "two\nlines");
    }
}
