package org.wholecare.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A plain HTML table with a caption and header cells: screen readers announce each figure with
 * its row and column, and it reflows on a phone (see wholecare.css).
 */
@Tag("table")
public class DataTable extends Component {

    private final Element body = new Element("tbody");
    private final int[] numericColumns;
    private final List<String> headers;

    /**
     * @param numericColumns indexes of columns holding money, right-aligned so pounds line up
     */
    public DataTable(String caption, List<String> headers, int... numericColumns) {
        getElement().getClassList().add("data-table");
        Element captionElement = new Element("caption");
        captionElement.setText(caption);
        Element head = new Element("thead");
        Element row = new Element("tr");
        for (int i = 0; i < headers.size(); i++) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(headers.get(i));
            if (contains(numericColumns, i)) {
                th.getClassList().add("num");
            }
            row.appendChild(th);
        }
        head.appendChild(row);
        getElement().appendChild(captionElement, head, body);
        this.numericColumns = numericColumns;
        this.headers = headers;
    }

    /** Adds a row; the first cell is the row's header. */
    public DataTable row(String... cells) {
        body.appendChild(buildRow(cells, false));
        return this;
    }

    /** Adds a totals row at the foot of the table. */
    public DataTable footer(String... cells) {
        Element foot = new Element("tfoot");
        foot.appendChild(buildRow(cells, true));
        getElement().appendChild(foot);
        return this;
    }

    private Element buildRow(String[] cells, boolean total) {
        Element tr = new Element("tr");
        if (total) {
            tr.getClassList().add("total");
        }
        for (int i = 0; i < cells.length; i++) {
            Element cell = new Element(i == 0 ? "th" : "td");
            if (i == 0) {
                cell.setAttribute("scope", "row");
            }
            cell.setAttribute("data-label", headers.get(i));
            cell.setText(cells[i]);
            if (contains(numericColumns, i)) {
                cell.getClassList().add("num");
            }
            tr.appendChild(cell);
        }
        return tr;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
