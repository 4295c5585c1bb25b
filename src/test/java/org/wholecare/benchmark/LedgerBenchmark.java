package org.wholecare.benchmark;

import static org.wholecare.TestArea.COMMISSIONER;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.security.ActingAs;

/**
 * Ledger commits per second against the embedded MariaDB, through {@link LedgerService} and as
 * the same statements in raw JDBC (same row lock, same reads, same inserts and updates), in one
 * run, on one hot budget and on one budget per thread. A benchmark, not a test: it checks that the
 * books still balance, never how fast they are. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@IntegrationTest
class LedgerBenchmark {

    private static final int THREADS = 8;
    private static final int COMMITS_PER_THREAD = 250;
    private static final int WARM_UP = 300;

    @Autowired LedgerService ledger;
    @Autowired BudgetService budgets;
    @Autowired BudgetHolderService holders;
    @Autowired ActingAs actingAs;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    private final AtomicLong keys = new AtomicLong();

    @Test
    void commitsPerSecond() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format("Ledger commits, %d threads x %d commits, embedded MariaDB, %d cores",
                THREADS, COMMITS_PER_THREAD, Runtime.getRuntime().availableProcessors()));
        report.add(String.format("%-22s %14s %14s %8s", "scenario", "service /s", "raw JDBC /s", "ratio"));

        long[] warm = budgets(1);
        run(1, WARM_UP / THREADS, t -> warm[0], this::serviceCommit);
        run(1, WARM_UP / THREADS, t -> warm[0], this::rawCommit);

        long[] hot = budgets(2);
        double serviceHot = run(THREADS, COMMITS_PER_THREAD, t -> hot[0], this::serviceCommit);
        double rawHot = run(THREADS, COMMITS_PER_THREAD, t -> hot[1], this::rawCommit);
        report.add(row("one hot budget", serviceHot, rawHot));

        long[] many = budgets(THREADS * 2);
        double serviceMany = run(THREADS, COMMITS_PER_THREAD, t -> many[t], this::serviceCommit);
        double rawMany = run(THREADS, COMMITS_PER_THREAD, t -> many[THREADS + t], this::rawCommit);
        report.add(row("a budget per thread", serviceMany, rawMany));

        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "ledger.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);

        // however fast, the books must still balance
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount_pence), 0) FROM ledger_line", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ledger_balance b WHERE b.balance_pence <>
                  (SELECT COALESCE(SUM(l.amount_pence), 0) FROM ledger_line l
                   WHERE l.budget_id = b.budget_id AND l.stream = b.stream AND l.account = b.account)""",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT balance_pence FROM ledger_balance WHERE budget_id = ? "
                + "AND stream = 'NHS_HEALTH' AND account = 'COMMITTED'", Long.class, hot[0]))
                .isEqualTo((long) THREADS * COMMITS_PER_THREAD * 100);
    }

    private static String row(String scenario, double service, double raw) {
        return String.format("%-22s %14.0f %14.0f %8.2f", scenario, service, raw, service / raw);
    }

    private long[] budgets(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            var holder = BudgetTestData.holder(actingAs, holders);
            ids[i] = BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 50_000_000L)).id();
        }
        return ids;
    }

    private interface BudgetForThread {
        long budget(int thread);
    }

    /** @return commits per second across all threads */
    private double run(int threads, int perThread, BudgetForThread budgetFor, LongConsumer commit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long budgetId = budgetFor.budget(t);
            futures.add(pool.submit(() -> actingAs.run(COMMISSIONER, () -> {
                for (int i = 0; i < perThread; i++) {
                    commit.accept(budgetId);
                }
                return null;
            })));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return threads * perThread / seconds;
    }

    private void serviceCommit(long budgetId) {
        ledger.commit(budgetId, List.of(new StreamAmount(FundingStream.NHS_HEALTH, 100)),
                new LedgerRequest(1L, null, "Benchmark", "bench-" + keys.incrementAndGet(), null));
    }

    /** The same work as LedgerService.commit, as plain JDBC statements in one transaction. */
    private void rawCommit(long budgetId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT budget_id FROM ledger_book WHERE budget_id = ? FOR UPDATE")) {
                    lock.setLong(1, budgetId);
                    lock.executeQuery().close();
                }
                String key = "raw-" + keys.incrementAndGet();
                try (PreparedStatement seen = c.prepareStatement("SELECT id FROM ledger_entry WHERE idempotency_key = ?")) {
                    seen.setString(1, key);
                    seen.executeQuery().close();
                }
                long available;
                try (PreparedStatement read = c.prepareStatement("SELECT balance_pence FROM ledger_balance "
                        + "WHERE budget_id = ? AND stream = 'NHS_HEALTH' AND account = 'AVAILABLE'")) {
                    read.setLong(1, budgetId);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        available = rs.getLong(1);
                    }
                }
                if (available < 100) {
                    throw new IllegalStateException("Benchmark budget ran out");
                }
                long entryId;
                try (PreparedStatement entry = c.prepareStatement("INSERT INTO ledger_entry (budget_id, kind, "
                        + "idempotency_key, reason, actor_account_id, posted_at) VALUES (?, 'COMMIT', ?, 'Benchmark', 1, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    entry.setLong(1, budgetId);
                    entry.setString(2, key);
                    entry.setTimestamp(3, Timestamp.from(Instant.now()));
                    entry.executeUpdate();
                    try (ResultSet rs = entry.getGeneratedKeys()) {
                        rs.next();
                        entryId = rs.getLong(1);
                    }
                }
                for (String[] line : new String[][] {{"AVAILABLE", "-100"}, {"COMMITTED", "100"}}) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_line (entry_id, budget_id, "
                            + "stream, account, amount_pence) VALUES (?, ?, 'NHS_HEALTH', ?, ?)")) {
                        insert.setLong(1, entryId);
                        insert.setLong(2, budgetId);
                        insert.setString(3, line[0]);
                        insert.setLong(4, Long.parseLong(line[1]));
                        insert.executeUpdate();
                    }
                    try (PreparedStatement update = c.prepareStatement("UPDATE ledger_balance SET balance_pence = "
                            + "balance_pence + ? WHERE budget_id = ? AND stream = 'NHS_HEALTH' AND account = ?")) {
                        update.setLong(1, Long.parseLong(line[1]));
                        update.setLong(2, budgetId);
                        update.setString(3, line[0]);
                        update.executeUpdate();
                    }
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
