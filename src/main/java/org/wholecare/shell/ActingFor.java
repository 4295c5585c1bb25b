package org.wholecare.shell;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * The client a broker or representative has chosen to act for in this session, for the banner
 * and the pages that act on that client. Only a convenience: every service checks the grant itself.
 */
public final class ActingFor {

    /** @param scope in plain words, what the grant lets them do */
    public record Client(long holderId, String name, String scope) {
    }

    private ActingFor() {
    }

    public static Optional<Client> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Client.class));
    }

    public static void choose(Client client) {
        VaadinSession.getCurrent().setAttribute(Client.class, client);
        VaadinSession.getCurrent().setAttribute(STOPPED, null);
    }

    /** Forgets the client (their grant changed or ended): a carer of one person acts for them again from home. */
    public static void stop() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(Client.class, null);
        }
    }

    /** "Stop acting for …": acting for nobody until the person chooses someone again, even with one client. */
    public static void stopByChoice() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(Client.class, null);
            session.setAttribute(STOPPED, Boolean.TRUE);
        }
    }

    /** Whether the person said "Stop acting for …" and has not chosen anyone since. */
    public static boolean stoppedByChoice() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(STOPPED));
    }

    private static final String STOPPED = "wholecare.acting-for.stopped";
}
