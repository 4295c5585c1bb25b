package org.wholecare.consent;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a holder's access log: who did what, when, under which grant, and whether it was allowed. */
public record AccessLogEntry(Instant at, String actorName, String actorRole, String action, boolean allowed,
        @Nullable String grantDescription, @Nullable String detail) {
}
