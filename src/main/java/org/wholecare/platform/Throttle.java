package org.wholecare.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * How often one source (an address, an account) may do something: a bucket of {@code capacity}
 * tries per source that refills evenly over {@code period}. Kept in memory, so each instance counts
 * its own; a source idle for a whole period is forgotten, so the map cannot grow without end.
 */
public final class Throttle {

    private final int capacity;
    private final Duration period;
    private final Clock clock;
    private final int maxSources;
    // refusals are counted for the metrics (wholecare.throttled, by what was throttled)
    private final io.micrometer.core.instrument.Counter refused;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    /** @param what what is throttled, as the metrics name it: "sign-in", "open-data" */
    public Throttle(String what, int capacity, Duration period, Clock clock) {
        this(what, capacity, period, clock, 100_000);
    }

    Throttle(String what, int capacity, Duration period, Clock clock, int maxSources) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A throttle needs at least one try per period");
        }
        this.capacity = capacity;
        this.period = period;
        this.clock = clock;
        this.maxSources = maxSources;
        this.refused = io.micrometer.core.instrument.Counter.builder("wholecare.throttled").tag("what", what)
                .description("Requests refused for coming too often from one source")
                .register(io.micrometer.core.instrument.Metrics.globalRegistry);
    }

    /** Takes one try for {@code source} if it has one left; false means "not now". */
    public boolean tryAcquire(@Nullable String source) {
        Instant now = clock.instant();
        if (buckets.size() >= maxSources) {
            forgetIdle(now);
        }
        boolean[] allowed = new boolean[1];
        buckets.compute(source == null ? "" : source, (key, bucket) -> {
            Bucket b = bucket == null ? new Bucket(capacity, now) : refilled(bucket, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                allowed[0] = true;
            }
            return b;
        });
        if (!allowed[0]) {
            refused.increment();
        }
        return allowed[0];
    }

    /** Gives back a try taken for something that turned out not to count (a right password). */
    public void giveBack(@Nullable String source) {
        buckets.computeIfPresent(source == null ? "" : source, (key, bucket) -> {
            bucket.tokens = Math.min(capacity, bucket.tokens + 1);
            return bucket;
        });
    }

    /** How long until {@code source} has a try again (zero if it has one now). */
    public Duration waitFor(@Nullable String source) {
        Instant now = clock.instant();
        Bucket bucket = buckets.get(source == null ? "" : source);
        if (bucket == null) {
            return Duration.ZERO;
        }
        synchronized (bucket) {
            double tokens = refilled(new Bucket(bucket.tokens, bucket.updated), now).tokens;
            if (tokens >= 1) {
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - tokens) * period.toMillis() / capacity));
        }
    }

    private Bucket refilled(Bucket bucket, Instant now) {
        long elapsed = Math.max(0, Duration.between(bucket.updated, now).toMillis());
        bucket.tokens = Math.min(capacity, bucket.tokens + (double) elapsed * capacity / period.toMillis());
        bucket.updated = now;
        return bucket;
    }

    private void forgetIdle(Instant now) {
        buckets.entrySet().removeIf(e -> !e.getValue().updated.plus(period).isAfter(now));
        if (buckets.size() >= maxSources) {
            // still full of active sources: start again rather than refuse everyone new
            buckets.clear();
        }
    }
}
