package org.wholecare.consent;

import java.time.Instant;

/** One line of a holder's access log: who did what, when, under which grant, and whether it was allowed. */
public record AccessLogEntry(Instant at, String actorName, String actorRole, String action, boolean allowed,
        String grantDescription, String detail) {
}
