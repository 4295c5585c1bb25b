package org.wholecare.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import java.util.OptionalLong;

/** Reads a numeric id from a page's address; anything else typed there gets the not-found page. */
public final class RouteIds {

    private RouteIds() {
    }

    public static OptionalLong read(BeforeEnterEvent event, String parameter) {
        try {
            return OptionalLong.of(Long.parseLong(event.getRouteParameters().get(parameter).orElse("")));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return OptionalLong.empty();
        }
    }
}
