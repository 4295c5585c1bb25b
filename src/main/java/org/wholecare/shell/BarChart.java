package org.wholecare.shell;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.wholecare.shared.Money;

/**
 * Bars for people who would rather look than read, drawn in plain HTML and CSS. The bars are
 * hidden from screen readers: the same figures are always in a table next to them, which the
 * caption points to.
 */
@Tag("figure")
public class BarChart extends Component {

    /** One bar: what it is and how much, in pence. */
    public record Bar(String label, long pence) {
    }

    public BarChart(String caption, List<Bar> bars) {
        getElement().getClassList().add("bar-chart");
        Element figcaption = new Element("figcaption");
        figcaption.setText(caption + " (the same figures are in the table below)");
        Element drawing = new Element("div");
        drawing.setAttribute("aria-hidden", "true");
        long largest = bars.stream().mapToLong(Bar::pence).max().orElse(0);
        for (Bar bar : bars) {
            Element row = new Element("div");
            row.getClassList().add("bar-row");
            Element label = new Element("span");
            label.getClassList().add("bar-label");
            label.setText(bar.label());
            Element track = new Element("span");
            track.getClassList().add("bar-track");
            Element fill = new Element("span");
            fill.getClassList().add("bar");
            // a share of the largest bar, in tenths of a percent; a bar for something is never invisible
            long width = largest <= 0 || bar.pence() <= 0 ? 0 : Math.max(5, bar.pence() * 1000 / largest);
            fill.getStyle().set("width", (width / 10.0) + "%");
            Element amount = new Element("span");
            amount.getClassList().add("bar-amount");
            amount.setText(Money.format(bar.pence()));
            track.appendChild(fill);
            row.appendChild(label, track, amount);
            drawing.appendChild(row);
        }
        getElement().appendChild(figcaption, drawing);
    }
}
