package org.wholecare.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;
import org.wholecare.shell.Ui;

/** "Things to do": what waits for the person, the soonest deadline first, each with a button straight to it. */
final class ThingsToDoCard {

    private ThingsToDoCard() {
    }

    static Component of(List<ThingsToDo> sources) {
        List<ThingToDo> things = new ArrayList<>();
        sources.forEach(s -> things.addAll(s.forMe()));
        things.sort(Comparator.comparing(ThingToDo::by, Comparator.nullsLast(Comparator.naturalOrder())));
        var card = Ui.card("Things to do");
        card.setId("things-to-do");
        if (things.isEmpty()) {
            card.add(new Paragraph("Nothing is waiting for you."));
            return card;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("things-to-do");
        for (ThingToDo t : things) {
            ListItem item = new ListItem();
            item.add(new Span(t.what() + "."));
            if (t.by() != null) {
                item.add(new Span(" By " + UkTime.day(t.by()) + "."));
            }
            Anchor go = new Anchor(t.path(), t.action());
            go.getElement().setAttribute("router-link", true);
            go.addClassName("thing-to-do-action");
            // a screen reader lists links on their own: each says what it is for
            go.getElement().setAttribute("aria-label", t.action() + ": " + t.what());
            item.add(new Span(" "), go);
            list.add(item);
        }
        card.add(list);
        return card;
    }
}
