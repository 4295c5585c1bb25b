package org.wholecare.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wholecare.platform.BacklogGauges;

/** Emails waiting and given up on, and the age of the oldest waiting (README: metrics). */
@Component
class EmailMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        BacklogGauges.register(registry, "emails", "Emails", clock, BacklogGauges.counted(jdbc,
                "SELECT COALESCE(SUM(status = 'PENDING'), 0), COALESCE(SUM(status = 'FAILED'), 0), "
                        + "MIN(CASE WHEN status = 'PENDING' THEN created_at END) FROM email_outbox "
                        + "WHERE status IN ('PENDING', 'FAILED')"));
    }
}
