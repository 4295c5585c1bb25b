package org.wholecare.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;

/**
 * Payments: for a commissioner, those Stripe gave up on in their area (counted as Payments and
 * disputes lists them); for a provider, payments to it that failed, or were sent this past week.
 */
@Component
@Transactional(readOnly = true)
class PaymentThingsToDo implements ThingsToDo {

    static final Duration SENT_SHOWN_FOR = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    PaymentThingsToDo(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
        return switch (me.role()) {
            case COMMISSIONER -> {
                long failed = count("area_id = ? AND status = 'FAILED'", me.areaId());
                yield failed == 0 ? List.of() : List.of(new ThingToDo(failed == 1 ? "A payment to a provider that "
                        + "could not be sent" : failed + " payments to providers that could not be sent", failed, null,
                        "Sort them out", "/commissioner/payments"));
            }
            case PROVIDER -> forProvider(me);
            default -> List.of();
        };
    }

    private List<ThingToDo> forProvider(SignedInUser me) {
        List<ThingToDo> things = new ArrayList<>();
        long failed = count("provider_id = ? AND status = 'FAILED'", me.organisationId());
        if (failed > 0) {
            things.add(new ThingToDo((failed == 1 ? "A payment to you" : failed + " payments to you") + " could not "
                    + "be sent: the council is sorting it out. Check your payout account is right", failed, null,
                    "See your bookings", "/provider/bookings"));
        }
        long sent = jdbc.sql("SELECT COUNT(*) FROM payment WHERE provider_id = ? AND status IN ('SENT', 'SETTLED') "
                        + "AND settled_at >= ?")
                .params(me.organisationId(), Timestamp.from(clock.instant().minus(SENT_SHOWN_FOR))).query(Long.class)
                .single();
        if (sent > 0) {
            things.add(new ThingToDo((sent == 1 ? "A payment was" : sent + " payments were") + " sent to you this "
                    + "past week", sent, null, "See your bookings", "/provider/bookings"));
        }
        return things;
    }

    private long count(String condition, Object value) {
        return jdbc.sql("SELECT COUNT(*) FROM payment WHERE " + condition).param(value).query(Long.class).single();
    }
}
