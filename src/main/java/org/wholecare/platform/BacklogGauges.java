package org.wholecare.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Work waiting in the database (payments, emails) as metrics for the operator's alerts: how many
 * wait, how many were given up on, and how long the oldest has waited. Counted in the database, so
 * every instance reports the same figures, and at most every 10 seconds however often they are scraped.
 */
public final class BacklogGauges {

    /** What the owning module counts: waiting, given up on, and when the oldest waiting one was made. */
    public record Backlog(long waiting, long failed, @Nullable Instant oldestWaiting) {
    }

    private record Reading(Backlog backlog, Instant at) {
    }

    // the gauges hold this strongly (strongReference): nothing else does
    private final Clock clock;
    private final Supplier<Backlog> count;
    private volatile Reading last;

    private BacklogGauges(Clock clock, Supplier<Backlog> count) {
        this.clock = clock;
        this.count = count;
        this.last = new Reading(new Backlog(0, 0, null), Instant.EPOCH);
    }

    /**
     * The owning module's count of its own table, as one row: how many wait, how many were given up
     * on, and when the oldest waiting one was made (NULL when none waits).
     */
    public static Supplier<Backlog> counted(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql) {
        return () -> jdbc.sql(sql).query((rs, n) -> {
            java.sql.Timestamp oldest = rs.getTimestamp(3);
            return new Backlog(rs.getLong(1), rs.getLong(2), oldest == null ? null : oldest.toInstant());
        }).single();
    }

    /** Registers wholecare.{name}.waiting, .failed and .oldest.waiting (seconds). */
    public static void register(MeterRegistry registry, String name, String what, Clock clock, Supplier<Backlog> count) {
        BacklogGauges gauges = new BacklogGauges(clock, count);
        Gauge.builder("wholecare." + name + ".waiting", gauges, g -> g.read().waiting())
                .description(what + " waiting").strongReference(true).register(registry);
        Gauge.builder("wholecare." + name + ".failed", gauges, g -> g.read().failed())
                .description(what + " given up on, waiting for a person").strongReference(true).register(registry);
        Gauge.builder("wholecare." + name + ".oldest.waiting", gauges, g -> {
            Instant oldest = g.read().oldestWaiting();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, g.clock.instant()).toMillis() / 1000.0);
        }).baseUnit("seconds").description("How long the oldest of the " + what.toLowerCase(java.util.Locale.UK)
                + " waiting has waited").strongReference(true).register(registry);
    }

    private Backlog read() {
        Instant now = clock.instant();
        Reading reading = last;
        if (Duration.between(reading.at(), now).abs().compareTo(Duration.ofSeconds(10)) < 0) {
            return reading.backlog();
        }
        try {
            reading = new Reading(count.get(), now);
        } catch (RuntimeException databaseAway) {
            // the database's own health says it is away; the last figures stand, and the next try is
            // 10 s away, so a scrape does not wait on the database for every gauge
            last = new Reading(reading.backlog(), now);
            return reading.backlog();
        }
        last = reading;
        return reading.backlog();
    }
}
