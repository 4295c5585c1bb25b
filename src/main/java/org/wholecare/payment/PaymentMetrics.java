package org.wholecare.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wholecare.platform.BacklogGauges;

/** Payments to providers waiting and failed, and the age of the oldest waiting (README: metrics). */
@Component
class PaymentMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        BacklogGauges.register(registry, "payments", "Payments to providers", clock, BacklogGauges.counted(jdbc,
                "SELECT COALESCE(SUM(status = 'PENDING'), 0), COALESCE(SUM(status = 'FAILED'), 0), "
                        + "MIN(CASE WHEN status = 'PENDING' THEN created_at END) FROM payment "
                        + "WHERE status IN ('PENDING', 'FAILED')"));
    }
}
