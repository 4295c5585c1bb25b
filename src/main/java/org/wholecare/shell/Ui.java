package org.wholecare.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;

/** Small building blocks every feature's pages share, so they look and read alike. */
public final class Ui {

    private Ui() {
    }

    /** A titled box; its heading labels it for screen readers. */
    public static Section card(String title, Component... content) {
        H2 heading = new H2(title);
        String id = "card-" + title.toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-");
        heading.setId(id);
        Section section = new Section(heading);
        section.add(content);
        section.addClassName("card");
        section.getElement().setAttribute("aria-labelledby", id);
        return section;
    }

    /** A list of label and value pairs, read by screen readers as terms and their descriptions. */
    public static DescriptionList facts(String... labelsAndValues) {
        DescriptionList list = new DescriptionList();
        list.addClassName("facts");
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            list.add(new DescriptionList.Term(labelsAndValues[i]),
                    new DescriptionList.Description(labelsAndValues[i + 1]));
        }
        return list;
    }
}
