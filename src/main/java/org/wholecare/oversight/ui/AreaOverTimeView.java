package org.wholecare.oversight.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import org.wholecare.oversight.PublicFigures;
import org.wholecare.shared.UkTime;
import org.wholecare.shell.DataTable;

/** One area's published figures, year by year, next to those of all areas together. */
@Route(value = "areas/:areaId", autoLayout = false)
@PageTitle("An area over time – Wholecare")
@AnonymousAllowed
public class AreaOverTimeView extends Main implements BeforeEnterObserver {

    private final PublicFigures figures;

    AreaOverTimeView(PublicFigures figures) {
        this.figures = figures;
        addClassName("page");
        addClassName("public-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("areaId").orElse("");
        List<PublicFigures.Document> years = figures.overTime();
        Optional<String> name = years.stream().flatMap(d -> d.areas().stream())
                .filter(a -> Long.toString(a.areaId()).equals(id)).map(PublicFigures.Area::name).reduce((a, b) -> b);
        if (name.isEmpty()) {
            add(new H1("There is no such area"), new Paragraph("No area on Wholecare has the number " + id + ". "),
                    new Paragraph(new Anchor("areas", "See every area")));
            return;
        }
        add(new H1(name.get() + " over time"), new Paragraph("Each year's figures as last worked out, next to all "
                + "areas together. Numbers of people are rounded to the nearest 5; fewer than 5 is not shown."));
        DataTable table = new DataTable(name.get() + " and all areas, year by year", List.of("Year", "Worked out",
                "People with a budget", "Per 10,000 adults", "All areas: per 10,000 adults", "Plan reviews on time",
                "All areas: plan reviews on time"));
        for (PublicFigures.Document d : years) {
            d.areas().stream().filter(a -> Long.toString(a.areaId()).equals(id)).findFirst().ifPresent(a ->
                    table.row(d.periodLabel(), UkTime.day(d.workedOutAt()), a.people().words(),
                            perTen(a), perTen(d.allAreas()), onTime(a), onTime(d.allAreas())));
        }
        add(table, AreasView.openData(), new Paragraph(new Anchor("areas", "See every area")));
    }

    private static String perTen(PublicFigures.Area a) {
        return AreasView.perTenThousand(a);
    }

    private static String onTime(PublicFigures.Area a) {
        return a.reviewedOnTimePercent() == null ? "too few to say" : a.reviewedOnTimePercent() + "%";
    }
}
