package org.wholecare.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wholecare.ledger.EntryKind;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.InsufficientFundsException;
import org.wholecare.ledger.LedgerAccount;
import org.wholecare.ledger.LedgerEntryView;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.shared.Money;
import org.wholecare.shared.ValidationException;

/**
 * How one posting is made, in the order that keeps the ledger right: the request is checked, the
 * budget's book is locked, a repeated request returns what it posted before, the new balances are
 * checked, and only then are the entry, its lines and the balances written. Only
 * {@link org.wholecare.ledger.LedgerService} calls this, inside its transaction.
 */
@Component
public class Postings {

    /** One line of an entry: pence into (positive) or out of (negative) an account of a stream. */
    public record Line(FundingStream stream, LedgerAccount account, long pence) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Postings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public LedgerEntryView post(long budgetId, EntryKind kind, LedgerRequest request, @Nullable Long reverses,
            List<Line> lines) {
        String key = request.idempotencyKey();
        String reason = checkedReason(request);
        lockBook(budgetId);
        Optional<LedgerEntryView> earlier = earlierPosting(key, budgetId, kind);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (reverses != null && jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE reverses_entry_id = ?")
                .param(reverses).query(Long.class).single() > 0) {
            throw ValidationException.of("", "That entry has already been corrected.");
        }
        Map<String, Long> changed = changesBy(lines);
        checkNothingGoesBelowZero(budgetId, changed);
        return write(budgetId, kind, request, reason, reverses, lines, changed);
    }

    private static String checkedReason(LedgerRequest request) {
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 120) {
            throw new IllegalArgumentException("Every posting needs an idempotency key of at most 120 characters");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw ValidationException.of("reason", "Say why this money is moving.");
        }
        if (reason.length() > 500) {
            throw ValidationException.of("reason", "Keep the reason to 500 characters or fewer.");
        }
        return reason;
    }

    /** One poster at a time per budget: this lock is what keeps available money from going negative. */
    private void lockBook(long budgetId) {
        Long locked = jdbc.sql("SELECT budget_id FROM ledger_book WHERE budget_id = ? FOR UPDATE")
                .param(budgetId).query(Long.class).optional().orElse(null);
        if (locked == null) {
            throw ValidationException.of("", "There is no budget " + budgetId + ".");
        }
    }

    /** A request made again (a double click, a retry) gets the entry it made the first time. */
    private Optional<LedgerEntryView> earlierPosting(String key, long budgetId, EntryKind kind) {
        Optional<Long> earlier = jdbc.sql("SELECT id FROM ledger_entry WHERE idempotency_key = ?")
                .param(key).query(Long.class).optional();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntryView existing = load("WHERE e.id = ?", "e.id", earlier.get()).getFirst();
        if (existing.budgetId() != budgetId || existing.kind() != kind) {
            throw new IllegalStateException("Idempotency key " + key + " was already used for another posting");
        }
        return Optional.of(existing);
    }

    /** The change to each stream/account the lines make; they must add up to nothing. */
    private static Map<String, Long> changesBy(List<Line> lines) {
        Map<String, Long> changed = new LinkedHashMap<>();
        long total = 0;
        for (Line line : lines) {
            total += line.pence();
            changed.merge(line.stream() + "/" + line.account(), line.pence(), Long::sum);
        }
        if (total != 0) {
            throw new IllegalStateException("An entry must balance; these lines add up to " + total);
        }
        return changed;
    }

    private void checkNothingGoesBelowZero(long budgetId, Map<String, Long> changed) {
        Map<String, Long> balances = new LinkedHashMap<>();
        // a locking read sees the latest balances even if the caller's transaction read older ones
        // before taking the lock (a plain read would see that earlier snapshot)
        jdbc.sql("SELECT stream, account, balance_pence FROM ledger_balance WHERE budget_id = ? FOR UPDATE")
                .param(budgetId)
                .query((rs, n) -> balances.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        for (var change : changed.entrySet()) {
            long after = balances.getOrDefault(change.getKey(), 0L) + change.getValue();
            String[] parts = change.getKey().split("/");
            LedgerAccount account = LedgerAccount.valueOf(parts[1]);
            if (account != LedgerAccount.FUNDING && after < 0) {
                FundingStream stream = FundingStream.valueOf(parts[0]);
                throw new InsufficientFundsException(stream, shortfallMessage(stream, account,
                        balances.getOrDefault(change.getKey(), 0L), -change.getValue()));
            }
        }
    }

    private LedgerEntryView write(long budgetId, EntryKind kind, LedgerRequest request, String reason,
            @Nullable Long reverses, List<Line> lines, Map<String, Long> changed) {
        Instant now = clock.instant();
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ledger_entry (budget_id, kind, idempotency_key, reason, reference, actor_account_id,
                  on_behalf_of_account_id, reverses_entry_id, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(budgetId, kind.name(), request.idempotencyKey(), reason, request.reference(),
                        request.actorAccountId(), request.onBehalfOfAccountId(), reverses, Timestamp.from(now))
                .update(keyHolder);
        long entryId = keyHolder.getKey().longValue();
        Map<FundingStream, Long> spent = new java.util.EnumMap<>(FundingStream.class);
        for (Line line : lines) {
            jdbc.sql("INSERT INTO ledger_line (entry_id, budget_id, stream, account, amount_pence) VALUES (?, ?, ?, ?, ?)")
                    .params(entryId, budgetId, line.stream().name(), line.account().name(), line.pence()).update();
            if (line.account() == LedgerAccount.SPENT) {
                spent.merge(line.stream(), line.pence(), Long::sum);
            }
        }
        // what an area's spending is summed from: the same amounts, with when and what for
        spent.forEach((stream, pence) -> jdbc.sql("INSERT INTO ledger_spend (entry_id, stream, budget_id, posted_at, "
                + "reference, amount_pence) VALUES (?, ?, ?, ?, ?, ?)").params(entryId, stream.name(), budgetId,
                Timestamp.from(now), request.reference(), pence).update());
        for (var change : changed.entrySet()) {
            String[] parts = change.getKey().split("/");
            jdbc.sql("UPDATE ledger_balance SET balance_pence = balance_pence + ? "
                            + "WHERE budget_id = ? AND stream = ? AND account = ?")
                    .params(change.getValue(), budgetId, parts[0], parts[1]).update();
        }
        return new LedgerEntryView(entryId, budgetId, kind, now, reason, request.reference(),
                request.actorAccountId(), request.onBehalfOfAccountId(), reverses,
                lines.stream().map(l -> new LedgerEntryView.LedgerLineView(l.stream(), l.account(), l.pence()))
                        .toList());
    }

    private static String shortfallMessage(FundingStream stream, LedgerAccount account, long balance, long needed) {
        return switch (account) {
            case AVAILABLE -> "There is not enough money in the " + stream.label() + " stream: "
                    + Money.format(needed) + " is needed but only " + Money.format(balance) + " is available.";
            case COMMITTED -> "Only " + Money.format(balance) + " is set aside from the " + stream.label()
                    + " stream, so " + Money.format(needed) + " cannot be taken from it.";
            default -> "The " + stream.label() + " stream cannot go below zero.";
        };
    }

    /** Entries with their lines, read in one query; {@code where} and {@code orderBy} are fixed text, never input. */
    public List<LedgerEntryView> load(String where, String orderBy, Object... params) {
        Map<Long, LedgerEntryView> entries = new LinkedHashMap<>();
        Map<Long, List<LedgerEntryView.LedgerLineView>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.id, e.budget_id, e.kind, e.posted_at, e.reason, e.reference, e.actor_account_id,
                       e.on_behalf_of_account_id, e.reverses_entry_id, l.stream, l.account, l.amount_pence
                FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id\s""" + where + " ORDER BY " + orderBy + ", l.id")
                .params(params)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    List<LedgerEntryView.LedgerLineView> entryLines = lines.computeIfAbsent(id, k -> new ArrayList<>());
                    entries.computeIfAbsent(id, k -> {
                        try {
                            return new LedgerEntryView(id, rs.getLong(2), EntryKind.valueOf(rs.getString(3)),
                                    rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                                    (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class),
                                    (Long) rs.getObject(9, Long.class), entryLines);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    entryLines.add(new LedgerEntryView.LedgerLineView(FundingStream.valueOf(rs.getString(10)),
                            LedgerAccount.valueOf(rs.getString(11)), rs.getLong(12)));
                    return null;
                }).list();
        return entries.values().stream()
                .map(e -> new LedgerEntryView(e.id(), e.budgetId(), e.kind(), e.postedAt(), e.reason(), e.reference(),
                        e.actorAccountId(), e.onBehalfOfAccountId(), e.reversesEntryId(), List.copyOf(e.lines())))
                .toList();
    }

}
