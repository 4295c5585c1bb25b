package org.wholecare.ledger;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An area's books summed by the ledger itself, for the area's funders: each book's figures at a
 * moment, and what was spent in a time. Callers check who may see an area; this reads no one's
 * name, only budgets' numbers.
 */
@Service
@Transactional(readOnly = true)
public class AreaBooks {

    private final JdbcClient jdbc;
    private final Clock clock;

    AreaBooks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One budget's book: the period it covers and its figures as they stood. */
    public record Book(long budgetId, LocalDate coversFrom, LocalDate coversTo, BudgetBalance balance) {
    }

    /** Spent from one stream for one purpose ({@code reference}: "purchase:12", say) in a time. */
    public record Spent(FundingStream stream, @Nullable String reference, long pence) {
    }

    /**
     * Every book of the area covering any day of {@code [from, to]}, as it stood just before
     * {@code at}: from the running totals when {@code at} is now or later, else from the lines.
     */
    public List<Book> books(long areaId, LocalDate from, LocalDate to, Instant at) {
        record Head(long budgetId, LocalDate coversFrom, LocalDate coversTo) {
        }
        Map<Long, Head> heads = new LinkedHashMap<>();
        jdbc.sql("SELECT budget_id, covers_from, covers_to FROM ledger_book WHERE area_id = ? AND covers_from <= ? "
                        + "AND covers_to >= ? ORDER BY budget_id")
                .params(areaId, Date.valueOf(to), Date.valueOf(from))
                .query((rs, n) -> heads.put(rs.getLong(1), new Head(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate())))
                .list();
        Map<Long, Map<FundingStream, StreamBalance>> figures = new LinkedHashMap<>();
        JdbcClient.StatementSpec rows = at.isBefore(clock.instant())
                ? jdbc.sql("""
                        SELECT l.budget_id, l.stream, l.account, SUM(l.amount_pence) FROM ledger_line l
                        JOIN ledger_entry e ON e.id = l.entry_id JOIN ledger_book k ON k.budget_id = l.budget_id
                        WHERE k.area_id = ? AND k.covers_from <= ? AND k.covers_to >= ? AND e.posted_at < ?
                        GROUP BY l.budget_id, l.stream, l.account""")
                        .params(areaId, Date.valueOf(to), Date.valueOf(from), Timestamp.from(at))
                : jdbc.sql("""
                        SELECT b.budget_id, b.stream, b.account, b.balance_pence FROM ledger_balance b
                        JOIN ledger_book k ON k.budget_id = b.budget_id
                        WHERE k.area_id = ? AND k.covers_from <= ? AND k.covers_to >= ?""")
                        .params(areaId, Date.valueOf(to), Date.valueOf(from));
        rows.query((rs, n) -> {
            FundingStream stream = FundingStream.valueOf(rs.getString(2));
            figures.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(FundingStream.class))
                    .merge(stream, StreamBalance.zero(stream).plus(LedgerAccount.valueOf(rs.getString(3)), rs.getLong(4)),
                            StreamBalance::plus);
            return null;
        }).list();
        List<Book> books = new ArrayList<>();
        for (Head head : heads.values()) {
            Map<FundingStream, StreamBalance> byStream = figures.getOrDefault(head.budgetId(), Map.of());
            List<StreamBalance> streams = new ArrayList<>();
            for (FundingStream stream : FundingStream.values()) {
                streams.add(byStream.getOrDefault(stream, StreamBalance.zero(stream)));
            }
            books.add(new Book(head.budgetId(), head.coversFrom(), head.coversTo(),
                    new BudgetBalance(head.budgetId(), List.copyOf(streams))));
        }
        return books;
    }

    /** Spent from one stream in the {@code period}-th of a run of times. */
    public record SpentIn(int period, FundingStream stream, long pence) {
    }

    /**
     * What the area's books spent in each of the times between consecutive {@code boundaries}
     * (month starts, say), per stream, in one reading.
     */
    public List<SpentIn> spentBetween(long areaId, List<Instant> boundaries) {
        if (boundaries.size() < 2) {
            return List.of();
        }
        StringBuilder which = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = 1; i < boundaries.size(); i++) {
            which.append(" WHEN s.posted_at < ? THEN ").append(i - 1);
            params.add(Timestamp.from(boundaries.get(i)));
        }
        which.append(" END");
        params.add(areaId);
        params.add(Timestamp.from(boundaries.getFirst()));
        params.add(Timestamp.from(boundaries.getLast()));
        return jdbc.sql("SELECT " + which + " AS period, s.stream, SUM(s.amount_pence) "
                        + "FROM ledger_book k JOIN ledger_spend s ON s.budget_id = k.budget_id "
                        + "WHERE k.area_id = ? AND s.posted_at >= ? AND s.posted_at < ? "
                        + "GROUP BY period, s.stream")
                .params(params)
                .query((rs, n) -> new SpentIn(rs.getInt(1), FundingStream.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** What the area's books spent in {@code [from, to)}, per stream and purpose. */
    public List<Spent> spent(long areaId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT s.stream, s.reference, SUM(s.amount_pence) FROM ledger_book k
                        JOIN ledger_spend s ON s.budget_id = k.budget_id
                        WHERE k.area_id = ? AND s.posted_at >= ? AND s.posted_at < ?
                        GROUP BY s.stream, s.reference""")
                .params(areaId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Spent(FundingStream.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The first day any of the area's books covers, if it has any. */
    public java.util.Optional<LocalDate> firstDay(long areaId) {
        List<@Nullable Date> first = jdbc.sql("SELECT MIN(covers_from) FROM ledger_book WHERE area_id = ?")
                .param(areaId).query(Date.class).list();
        Date day = first.isEmpty() ? null : first.getFirst();
        return day == null ? java.util.Optional.empty() : java.util.Optional.of(day.toLocalDate());
    }
}
