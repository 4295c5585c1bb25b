package org.wholecare.marketplace;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;

/** Providers of the commissioner's area waiting for their checks, counted as Provider checks lists them. */
@Component
@Transactional(readOnly = true)
class ProviderThingsToDo implements ThingsToDo {

    static final int DECISION_SHOWN_DAYS = 14;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    ProviderThingsToDo(JdbcClient jdbc, CurrentUser currentUser, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
        if (me.role() == Role.PROVIDER) {
            return checksDecided(me);
        }
        if (me.role() != Role.COMMISSIONER) {
            return List.of();
        }
        record Waiting(long count, @org.jspecify.annotations.Nullable Timestamp since) {
        }
        Waiting waiting = jdbc.sql("SELECT COUNT(*), MIN(p.registered_at) FROM provider_profile p JOIN organisation o "
                + "ON o.id = p.organisation_id WHERE o.area_id = ? AND p.status = 'PENDING'").param(me.areaId())
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getTimestamp(2))).single();
        if (waiting.count() == 0) {
            return List.of();
        }
        String since = waiting.since() == null ? "" : ", the first since " + UkTime.day(waiting.since().toInstant());
        return List.of(new ThingToDo((waiting.count() == 1 ? "A provider waiting for its checks"
                : waiting.count() + " providers waiting for their checks") + since, waiting.count(), null,
                "Check them", "/commissioner/providers"));
    }

    /** The latest decision about the provider's own organisation, for a fortnight after it was made. */
    private List<ThingToDo> checksDecided(SignedInUser me) {
        Timestamp since = Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(DECISION_SHOWN_DAYS)));
        return jdbc.sql("SELECT to_status FROM provider_decision WHERE organisation_id = ? AND decided_at >= ? "
                        + "ORDER BY decided_at DESC, id DESC LIMIT 1").params(me.organisationId(), since)
                .query((rs, n) -> ProviderStatus.valueOf(rs.getString(1))).optional()
                .map(status -> List.of(new ThingToDo(switch (status) {
                    case VERIFIED -> "Your organisation's checks are done: it is verified, and its published "
                            + "services can be found";
                    case REJECTED -> "Your organisation's checks are done: it was not approved. See why";
                    case SUSPENDED -> "Your organisation has been suspended: its services cannot be found. See why";
                    case PENDING -> "Your organisation is waiting to be checked";
                }, 1, null, "See your listings", "/provider/listings"))).orElse(List.of());
    }
}
