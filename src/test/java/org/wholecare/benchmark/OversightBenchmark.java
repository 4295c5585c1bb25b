package org.wholecare.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.wholecare.IntegrationTest;
import org.wholecare.demo.HolderRegion;
import org.wholecare.oversight.AreaOverviews;
import org.wholecare.oversight.NeedsAttention;
import org.wholecare.oversight.PublicFigures;
import org.wholecare.oversight.ReportingPeriod;
import org.wholecare.oversight.Returns;
import org.wholecare.security.ActingAs;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.UkTime;

/**
 * A commissioner's overview, the needs-attention list and a quarterly return over a generated
 * region of 20,000 budget holders (four areas of 5,000, a year of bookings, invoices and payments
 * each), through the services and as the same queries in raw SQL, in one run; and the nightly
 * public figures for every area. Reports p50/p95 of each; it checks the answers, never the speed.
 * Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
@TestPropertySource(properties = "wholecare.embedded-db.buffer-pool-size=256M")
class OversightBenchmark {

    private static final int AREAS = 4;
    private static final int HOLDERS_PER_AREA = 5_000;
    private static final int TIMES = 20;

    @Autowired HolderRegion region;
    @Autowired AreaOverviews overviews;
    @Autowired NeedsAttention needs;
    @Autowired Returns returns;
    @Autowired PublicFigures figures;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void oversightLatency() throws Exception {
        long started = System.nanoTime();
        region.generate(AREAS, HOLDERS_PER_AREA);
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        long holders = jdbc.queryForObject("SELECT COUNT(*) FROM budget_holder h JOIN area a ON a.id = h.area_id "
                + "WHERE a.name LIKE 'Generated area %'", Long.class);
        assertThat(holders).isEqualTo((long) AREAS * HOLDERS_PER_AREA);
        // the books balance: every entry's lines add up to zero, and the running totals are the lines' sums
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT entry_id FROM ledger_line GROUP BY entry_id "
                + "HAVING SUM(amount_pence) <> 0) x", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ledger_balance b LEFT JOIN (SELECT budget_id, stream, account, SUM(amount_pence) s
                  FROM ledger_line GROUP BY budget_id, stream, account) l
                  ON l.budget_id = b.budget_id AND l.stream = b.stream AND l.account = b.account
                WHERE b.balance_pence <> COALESCE(l.s, 0)""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount_pence), 0) FROM ledger_spend", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COALESCE(SUM(amount_pence), 0) FROM ledger_line "
                        + "WHERE account = 'SPENT'", Long.class));
        long areaId = jdbc.queryForObject("SELECT id FROM area WHERE name = ?", Long.class, HolderRegion.AREA_PREFIX + 1);
        ReportingPeriod year = ReportingPeriod.yearOf(UkTime.today(clock));
        ReportingPeriod quarter = ReportingPeriod.quarter(year.from().getYear(),
                (int) (java.time.temporal.ChronoUnit.MONTHS.between(year.from(), UkTime.today(clock).withDayOfMonth(1))
                        / 3) + 1);
        Authentication nhs = actingAs.run(HolderRegion.nhsCommissioner(1),
                () -> SecurityContextHolder.getContext().getAuthentication());

        List<String> report = new ArrayList<>();
        report.add(String.format("Oversight over %,d budget holders (%d areas, %,d ledger lines), %d cores; region "
                + "generated in %.0f s; each figure over %d calls for one area of %,d", holders, AREAS,
                jdbc.queryForObject("SELECT COUNT(*) FROM ledger_line", Long.class),
                Runtime.getRuntime().availableProcessors(), generateSeconds, TIMES, HOLDERS_PER_AREA));
        report.add(String.format("%-32s %8s %8s %8s %8s %7s", "", "p50 ms", "p95 ms", "raw p50", "raw p95", "ratio"));
        report.add(compare("area overview (this year)", as(nhs, () -> overviews.overview(null).people().budgets()),
                () -> rawOverview(areaId, year)));
        report.add(compare("needs attention", as(nhs, () -> (long) needs.inMyArea().size()),
                () -> rawNeedsAttention(areaId)));
        report.add(compare("quarterly return (NHS)", as(nhs, () -> (long) returns.forMyFunder(quarter.code())
                .rows().size()), () -> rawReturn(areaId, quarter)));
        long t0 = System.nanoTime();
        PublicFigures.Document document = SystemActor.asAdministrator(figures::workOut);
        double nightly = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        for (long id : jdbc.queryForList("SELECT id FROM area", Long.class)) {
            rawOverview(id, year);
        }
        double rawNightly = (System.nanoTime() - t1) / 1e9;
        report.add(String.format("%-32s %8.1f s (raw SQL for every area %.1f s)", "nightly public figures", nightly,
                rawNightly));
        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "oversight.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);

        // the service's figures are the raw query's figures
        assertThat(as(nhs, () -> overviews.overview(null).people().budgets()).get())
                .isEqualTo((long) HOLDERS_PER_AREA);
        assertThat(document.areas()).anySatisfy(a -> assertThat(a.people().rounded()).isEqualTo(5_000L));
    }

    private static Supplier<Long> as(Authentication who, Supplier<Long> call) {
        return () -> {
            SecurityContextHolder.getContext().setAuthentication(who);
            try {
                return call.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    private static String compare(String name, Supplier<Long> service, Supplier<Long> raw) {
        // an untimed round of each first: warm caches, a compiled JIT
        for (int i = 0; i < 3; i++) {
            service.get();
            raw.get();
        }
        long[] s = time(service);
        long[] r = time(raw);
        return String.format("%-32s %8.1f %8.1f %8.1f %8.1f %7.1f", name, pct(s, 50), pct(s, 95), pct(r, 50),
                pct(r, 95), pct(s, 95) / Math.max(pct(r, 95), 0.001));
    }

    private static long[] time(Supplier<Long> call) {
        long[] nanos = new long[TIMES];
        for (int i = 0; i < TIMES; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** The overview's queries by hand: totals by stream, spending by month and purpose, budgets by management. */
    private long rawOverview(long areaId, ReportingPeriod year) {
        jdbc.queryForList("""
                SELECT b.stream, b.account, SUM(b.balance_pence) FROM ledger_balance b
                JOIN ledger_book k ON k.budget_id = b.budget_id
                WHERE k.area_id = ? AND k.covers_from <= ? AND k.covers_to >= ? GROUP BY b.stream, b.account""",
                areaId, Date.valueOf(year.to()), Date.valueOf(year.from()));
        jdbc.queryForList("""
                SELECT DATE_FORMAT(s.posted_at, '%Y-%m'), s.stream, SUM(s.amount_pence)
                FROM ledger_book k JOIN ledger_spend s ON s.budget_id = k.budget_id
                WHERE k.area_id = ? AND s.posted_at >= ? AND s.posted_at < ?
                GROUP BY DATE_FORMAT(s.posted_at, '%Y-%m'), s.stream""", areaId,
                Timestamp.from(UkTime.startOf(year.from())), Timestamp.from(UkTime.startOf(year.to().plusDays(1))));
        jdbc.queryForList("""
                SELECT s.stream, s.reference, SUM(s.amount_pence) FROM ledger_book k
                JOIN ledger_spend s ON s.budget_id = k.budget_id
                WHERE k.area_id = ? AND s.posted_at >= ? AND s.posted_at < ? GROUP BY s.stream, s.reference""",
                areaId, Timestamp.from(UkTime.startOf(year.from())),
                Timestamp.from(UkTime.startOf(year.to().plusDays(1))));
        jdbc.queryForList("""
                SELECT p.id, p.category_id, o.name FROM purchase p JOIN organisation o ON o.id = p.provider_id
                JOIN budget_holder h ON h.id = p.holder_id WHERE h.area_id = ?""", areaId);
        return jdbc.queryForObject("SELECT COUNT(*) FROM budget WHERE area_id = ? AND start_date <= ? "
                + "AND end_date >= ?", Long.class, areaId, Date.valueOf(year.to()), Date.valueOf(year.from()));
    }

    /** The needs-attention list's facts by hand: each running budget's figures, overdue reviews, off-plan bookings. */
    private long rawNeedsAttention(long areaId) {
        java.time.LocalDate today = UkTime.today(clock);
        long budgets = jdbc.queryForList("""
                SELECT b.id, b.start_date, b.end_date, SUM(CASE WHEN l.account = 'FUNDING' THEN -l.balance_pence END),
                  SUM(CASE WHEN l.account IN ('COMMITTED', 'SPENT') THEN l.balance_pence END)
                FROM budget b JOIN ledger_balance l ON l.budget_id = b.id
                WHERE b.area_id = ? AND b.start_date <= ? AND b.end_date >= ? GROUP BY b.id, b.start_date, b.end_date""",
                areaId, Date.valueOf(today), Date.valueOf(today)).size();
        jdbc.queryForList("""
                SELECT p.holder_id, p.review_date FROM support_plan p JOIN budget_holder h ON h.id = p.holder_id
                WHERE h.area_id = ? AND p.status = 'AGREED' AND p.review_date < ?""", areaId, Date.valueOf(today));
        jdbc.queryForList("""
                SELECT pu.id FROM purchase pu JOIN budget_holder h ON h.id = pu.holder_id
                JOIN support_plan p ON p.holder_id = pu.holder_id AND p.status = 'AGREED'
                WHERE h.area_id = ? AND pu.end_date >= ? AND NOT EXISTS (SELECT 1 FROM support_plan_line x
                  WHERE x.plan_id = p.id AND x.category_id = pu.category_id)""", areaId, Date.valueOf(today));
        return budgets;
    }

    /** The NHS return by hand: budgets of the quarter with NHS money, by how they are managed. */
    private long rawReturn(long areaId, ReportingPeriod quarter) {
        return jdbc.queryForList("""
                SELECT b.management, COUNT(*) FROM budget b JOIN ledger_balance l ON l.budget_id = b.id
                  AND l.stream = 'NHS_HEALTH' AND l.account = 'FUNDING' AND l.balance_pence < 0
                WHERE b.area_id = ? AND b.start_date <= ? AND b.end_date >= ? GROUP BY b.management""",
                areaId, Date.valueOf(quarter.to()), Date.valueOf(quarter.from())).size();
    }
}
