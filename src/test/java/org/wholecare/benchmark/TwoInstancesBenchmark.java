package org.wholecare.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.HOLDER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.SecondInstance;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Bookings;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.shared.UkTime;

/**
 * Bookings per second and their p95, by 8 people booking at once (each from their own budget), all
 * through one app instance and then spread over two on the same database, in one run. Both
 * instances share this JVM and its 2 cores, so the figure says what a second instance costs or
 * gains when the database, not the app server, is what they share. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
class TwoInstancesBenchmark {

    private static final int PEOPLE = 8;
    private static final int BOOKINGS_EACH = 40;
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Autowired Bookings bookings;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired SearchService search;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private record Person(String username, long holderId) {
    }

    @Test
    void bookingsPerSecondOnOneInstanceAndOnTwo() throws Exception {
        long listing = actingAs.run(HOLDER, () -> search.search(new SearchQuery("Morning help", null, "TF4", null,
                null, null, null, 0, 1)).results().getFirst().listing().id());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(newPerson());
        }
        List<String> report = new ArrayList<>();
        report.add(String.format("Bookings, %d people booking at once x %d each, embedded MariaDB, %d cores",
                PEOPLE, BOOKINGS_EACH, Runtime.getRuntime().availableProcessors()));
        report.add(String.format("%-24s %12s %8s %8s", "", "bookings/s", "p50 ms", "p95 ms"));
        try (SecondInstance second = SecondInstance.on(dataSource)) {
            Bookings[] one = {bookings};
            Bookings[] two = {bookings, second.bean(Bookings.class)};
            run(people, listing, two, 10);
            double[] single = run(people, listing, one, BOOKINGS_EACH);
            double[] both = run(people, listing, two, BOOKINGS_EACH);
            report.add(row("one instance", single));
            report.add(row("two instances", both));
            report.add(String.format("two / one: %.2f bookings/s, %.2f p95", both[0] / single[0], both[2] / single[2]));
        }
        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "two-instances.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        // however fast, the books must still balance
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount_pence), 0) FROM ledger_line", Long.class)).isZero();
    }

    private static String row(String scenario, double[] figures) {
        return String.format("%-24s %12.1f %8.1f %8.1f", scenario, figures[0], figures[1], figures[2]);
    }

    /** @return bookings per second, p50 and p95 in milliseconds */
    private double[] run(List<Person> people, long listing, Bookings[] instances, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < people.size(); t++) {
            Person person = people.get(t);
            Bookings instance = instances[t % instances.length];
            futures.add(pool.submit(() -> actingAs.run(person.username(), () -> {
                long[] took = new long[each];
                for (int i = 0; i < each; i++) {
                    long asked = System.nanoTime();
                    Booking booking = new Booking(person.holderId(), listing, 1, Booking.Frequency.ONE_OFF, 1,
                            UkTime.today(clock).plusDays(1), null, "bench-" + SEQUENCE.incrementAndGet(), null);
                    instance.book(booking, instance.preview(booking));
                    took[i] = System.nanoTime() - asked;
                }
                return took;
            })));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> future : futures) {
            Arrays.stream(future.get()).forEach(latencies::add);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        latencies.sort(null);
        return new double[] {latencies.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1) / 1e6};
    }

    private Person newPerson() {
        long n = SEQUENCE.incrementAndGet();
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Booker " + n,
                "booker." + n, LocalDate.of(1950, 1, 1), BudgetTestData.nextNhsNumber(), "TF4", null, null, null)));
        String url = registered.holderInvitation().link().url();
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), "a long enough password",
                "a long enough password");
        BudgetTestData.budget(actingAs, budgets, registered.holder(), Map.of(FundingStream.COUNCIL_SOCIAL_CARE,
                50_000_000L, FundingStream.NHS_HEALTH, 50_000_000L));
        return new Person("booker." + n, registered.holder().id());
    }
}
