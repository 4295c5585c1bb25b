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

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    ProviderThingsToDo(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
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
}
