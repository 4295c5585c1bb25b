package org.wholecare.benchmark;

import static org.wholecare.TestArea.HOLDER;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.wholecare.IntegrationTest;
import org.wholecare.marketplace.RegionGenerator;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.security.ActingAs;

/**
 * Typical searches (words + kind of support + district + highest price, cheapest first) from 16
 * concurrent callers over a generated region of 100,000 listings, through {@link SearchService}
 * and as the same query in raw SQL, in one run. Reports p50/p95/p99 and searches per second; it
 * checks the answers, never the speed. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
// the app's own buffer pool, not the small one the other tests use to save memory
@TestPropertySource(properties = "wholecare.embedded-db.buffer-pool-size=256M")
class SearchBenchmark {

    private static final int CALLERS = 16;
    private static final int SEARCHES_PER_CALLER = 40;

    @Autowired SearchService search;
    @Autowired RegionGenerator generator;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void searchLatency() throws Exception {
        long started = System.nanoTime();
        generator.generate(10_000, 10);
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class)).isGreaterThanOrEqualTo(100_000);
        List<String> districts = generator.districts();
        List<Long> categories = generator.categoryIds();
        String[] words = {"garden", "companion", "physio", "walking", "dementia", "overnight", "bathing", "taxi",
            "music", "confidence", "shopping", "cooking"};

        Function<Random, SearchQuery> typical = random -> new SearchQuery(words[random.nextInt(words.length)],
                categories.get(random.nextInt(categories.size())), districts.get(random.nextInt(districts.size())),
                10_000L, null, null, SearchQuery.Sort.PRICE, 0, 20);

        // signed in once, as a person's session is, rather than looked up for every search
        Authentication holder = actingAs.run(HOLDER, () -> SecurityContextHolder.getContext().getAuthentication());
        Function<SearchQuery, Integer> signedInSearch = q -> {
            SecurityContextHolder.getContext().setAuthentication(holder);
            try {
                return search.search(q).results().size();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };

        // a whole untimed round of each first: a live service has warm caches, a compiled JIT and a
        // buffer pool that has long since settled after the bulk load
        // (other searches than the timed ones: different random seeds)
        run(CALLERS, SEARCHES_PER_CALLER, 5_000, typical, signedInSearch);
        run(CALLERS, SEARCHES_PER_CALLER, 6_000, typical, this::raw);

        Result service = run(CALLERS, SEARCHES_PER_CALLER, 1_000, typical, signedInSearch);
        Result raw = run(CALLERS, SEARCHES_PER_CALLER, 1_000, typical, this::raw);

        List<String> report = new ArrayList<>();
        report.add(String.format("Search over %,d listings (%d districts), %d callers x %d searches, %d cores; "
                        + "region generated in %.0f s", jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class),
                districts.size(), CALLERS, SEARCHES_PER_CALLER, Runtime.getRuntime().availableProcessors(), generateSeconds));
        report.add(String.format("%-10s %8s %8s %8s %12s %10s", "", "p50 ms", "p95 ms", "p99 ms", "searches/s", "hits/search"));
        report.add(service.row("service"));
        report.add(raw.row("raw SQL"));
        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "search.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);

        // the service and the raw query find the same listings for the same search
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            SearchQuery q = typical.apply(random);
            List<Long> viaService = actingAs.run(HOLDER, () -> search.search(q).results().stream()
                    .map(r -> r.listing().id()).toList());
            assertThat(viaService).isEqualTo(rawIds(q));
        }
        assertThat(service.meanHits).isGreaterThan(0);
    }

    private record Result(long[] nanos, double seconds, double meanHits) {
        String row(String name) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format("%-10s %8.1f %8.1f %8.1f %12.0f %10.1f", name, pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted.length / seconds, meanHits);
        }

        private static double pct(long[] sorted, int p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }

    private Result run(int callers, int each, long seed, Function<Random, SearchQuery> queries,
            Function<SearchQuery, Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long[] nanos = new long[callers * each];
        long[] hits = new long[callers];
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed + caller);
                for (int i = 0; i < each; i++) {
                    SearchQuery q = queries.apply(random);
                    long t0 = System.nanoTime();
                    hits[caller] += call.apply(q);
                    nanos[caller * each + i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(nanos, seconds, Arrays.stream(hits).sum() / (double) nanos.length);
    }

    private int raw(SearchQuery q) {
        return rawIds(q).size();
    }

    private List<Long> rawIds(SearchQuery q) {
        // written out by hand: the word joined to the district, as the stored search text holds it,
        // and the same page of whole listings the service reads
        String terms = "+" + q.district().toLowerCase() + "_" + q.text() + "*";
        return jdbc.query("""
                SELECT l.id, l.organisation_id, o.name, l.category_id, c.name, l.title, l.description, l.unit,
                       l.price_pence, l.status, l.visible, l.days_available, l.times_available, l.languages,
                       l.accessibility, l.rating_average, l.review_count,
                       (SELECT GROUP_CONCAT(ld.postcode_district ORDER BY ld.postcode_district) FROM listing_district ld
                        WHERE ld.listing_id = l.id) AS districts
                FROM (SELECT l.id, l.price_pence FROM listing l
                      WHERE MATCH(l.search_text) AGAINST (? IN BOOLEAN MODE) AND l.visible = TRUE
                        AND l.category_id = ? AND l.price_pence <= ?
                      ORDER BY l.price_pence, l.id LIMIT 20) page
                JOIN listing l ON l.id = page.id JOIN organisation o ON o.id = l.organisation_id
                JOIN service_category c ON c.id = l.category_id
                ORDER BY page.price_pence, page.id""",
                (rs, n) -> {
                    // read every column, as the service does
                    for (int column = 1; column <= 18; column++) {
                        rs.getObject(column);
                    }
                    return rs.getLong(1);
                }, terms, q.categoryId(), q.maxPricePence());
    }
}
