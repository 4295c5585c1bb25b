package org.wholecare.shell.ui;

import org.wholecare.shell.ActingFor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns an error during a click into a plain message instead of a stack trace. A refusal by a
 * service's security check says so; anything else says to try again.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            while (cause.getCause() != null && !(cause instanceof AccessDeniedException)) {
                cause = cause.getCause();
            }
            String message;
            if (cause instanceof org.wholecare.shared.RefusedException refused) {
                log.info("Refused: {}", refused.getMessage());
                message = refused.getMessage() + " Nothing was changed.";
                if (refused.endsActing()) {
                    ActingFor.stop();
                    UI current = UI.getCurrent();
                    if (current != null) {
                        current.getChildren().filter(MainLayout.class::isInstance).map(MainLayout.class::cast)
                                .forEach(MainLayout::showActingFor);
                    }
                }
            } else if (cause instanceof AccessDeniedException) {
                log.info("Refused: {}", cause.getMessage());
                message = "You do not have permission to do that. Nothing was changed.";
            } else {
                log.error("Unexpected error in the UI", error.getThrowable());
                message = "Something went wrong and nothing was changed. Please try again. "
                        + "If it keeps happening, tell your administrator.";
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
    }
}
