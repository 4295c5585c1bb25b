package org.wholecare.marketplace;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Full-text lookups run fastest in total with about one per database core; beyond that they contend
 * inside the database and every search slows. The limit is the database's, shared out between the
 * instances using it: each takes its share, and searches past it wait their turn, first come first
 * served, so none waits much longer than the rest (SearchBenchmark; README). How long they wait is
 * measured, so an operator sees when the share is too small.
 */
@Component
class SearchTurns {

    private final Semaphore turns;
    private final Timer waits;

    SearchTurns(@Value("${wholecare.search.lookups-per-database:4}") int perDatabase,
            @Value("${wholecare.instances:1}") int instances, MeterRegistry metrics) {
        // this instance's share of the database's lookups
        this.turns = new Semaphore(Math.max(1, perDatabase / Math.max(1, instances)), true);
        this.waits = Timer.builder("wholecare.search.wait").description("Time a search waited for its turn")
                .publishPercentileHistogram().register(metrics);
    }

    <T> T inTurn(Supplier<T> lookup) {
        long asked = System.nanoTime();
        turns.acquireUninterruptibly();
        waits.record(System.nanoTime() - asked, java.util.concurrent.TimeUnit.NANOSECONDS);
        try {
            return lookup.get();
        } finally {
            turns.release();
        }
    }
}
