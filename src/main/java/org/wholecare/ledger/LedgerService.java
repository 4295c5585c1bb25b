package org.wholecare.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.shared.Money;
import org.wholecare.shared.ValidationException;

/**
 * The only way money moves. Double entry in integer pence, append-only: entries and lines are
 * only ever inserted (the database refuses updates and deletes), and a mistake is put right by a
 * reversing entry. Postings to one budget are serialised by a row lock on its book, so available
 * money can never go below zero however many people buy at once.
 *
 * <p>Callers (the budget and purchase features) decide who may move money; this service checks
 * only that someone is signed in, and records who acted and for whom.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class LedgerService {

    /** £10 million: no single posting to a personal budget comes near this. */
    public static final long MAX_POSTING_PENCE = 1_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens the budget's book with every stream at zero. Must run in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(long budgetId) {
        jdbc.sql("INSERT INTO ledger_book (budget_id, opened_at) VALUES (?, ?)")
                .params(budgetId, Timestamp.from(clock.instant())).update();
        for (FundingStream stream : FundingStream.values()) {
            for (LedgerAccount account : LedgerAccount.values()) {
                jdbc.sql("INSERT INTO ledger_balance (budget_id, stream, account, balance_pence) VALUES (?, ?, ?, 0)")
                        .params(budgetId, stream.name(), account.name()).update();
            }
        }
    }

    @Transactional
    public LedgerEntryView allocate(long budgetId, FundingStream stream, long pence, LedgerRequest request) {
        requirePositive(pence);
        return post(budgetId, EntryKind.ALLOCATE, request, null, List.of(
                new Line(stream, LedgerAccount.AVAILABLE, pence),
                new Line(stream, LedgerAccount.FUNDING, -pence)));
    }

    /** Raises (positive) or lowers (negative) a stream's allocation. */
    @Transactional
    public LedgerEntryView adjust(long budgetId, FundingStream stream, long changePence, LedgerRequest request) {
        if (changePence == 0) {
            throw ValidationException.of("amount", "Enter the amount to add or take away. It cannot be zero.");
        }
        requirePositive(Math.abs(changePence));
        return post(budgetId, EntryKind.ADJUST, request, null, List.of(
                new Line(stream, LedgerAccount.AVAILABLE, changePence),
                new Line(stream, LedgerAccount.FUNDING, -changePence)));
    }

    /** Sets money aside for a booking, from each stream as apportioned. */
    @Transactional
    public LedgerEntryView commit(long budgetId, List<StreamAmount> amounts, LedgerRequest request) {
        return post(budgetId, EntryKind.COMMIT, request, null,
                move(amounts, LedgerAccount.AVAILABLE, LedgerAccount.COMMITTED));
    }

    /** Returns set-aside money that will not be needed (a cancellation or decline). */
    @Transactional
    public LedgerEntryView release(long budgetId, List<StreamAmount> amounts, LedgerRequest request) {
        return post(budgetId, EntryKind.RELEASE, request, null,
                move(amounts, LedgerAccount.COMMITTED, LedgerAccount.AVAILABLE));
    }

    /** Turns set-aside money into spend when an invoice is confirmed. */
    @Transactional
    public LedgerEntryView spend(long budgetId, List<StreamAmount> amounts, LedgerRequest request) {
        return post(budgetId, EntryKind.SPEND, request, null,
                move(amounts, LedgerAccount.COMMITTED, LedgerAccount.SPENT));
    }

    /** Puts an entry right by posting its exact opposite. An entry can be reversed once. */
    @Transactional
    public LedgerEntryView reverse(long entryId, LedgerRequest request) {
        LedgerEntryView original = entry(entryId)
                .orElseThrow(() -> ValidationException.of("", "There is no ledger entry " + entryId + "."));
        if (original.kind() == EntryKind.REVERSE) {
            throw ValidationException.of("", "A correction cannot itself be reversed. Post a new entry instead.");
        }
        List<Line> opposite = original.lines().stream()
                .map(l -> new Line(l.stream(), l.account(), -l.pence())).toList();
        return post(original.budgetId(), EntryKind.REVERSE, request, entryId, opposite);
    }

    @Transactional(readOnly = true)
    public BudgetBalance balance(long budgetId) {
        return balanceFrom(budgetId, jdbc.sql("SELECT stream, account, balance_pence FROM ledger_balance WHERE budget_id = ?")
                .param(budgetId));
    }

    /** The balance as it stood just before {@code instant}, summed from the lines themselves. */
    @Transactional(readOnly = true)
    public BudgetBalance balanceBefore(long budgetId, Instant instant) {
        return balanceFrom(budgetId, jdbc.sql("""
                SELECT l.stream, l.account, SUM(l.amount_pence) FROM ledger_line l
                JOIN ledger_entry e ON e.id = l.entry_id
                WHERE l.budget_id = ? AND e.posted_at < ? GROUP BY l.stream, l.account""")
                .params(budgetId, Timestamp.from(instant)));
    }

    /** Folds rows of (stream, account, pence) into a budget's figures, every stream present. */
    private static BudgetBalance balanceFrom(long budgetId, JdbcClient.StatementSpec rows) {
        Map<FundingStream, StreamBalance> byStream = new EnumMap<>(FundingStream.class);
        for (FundingStream stream : FundingStream.values()) {
            byStream.put(stream, StreamBalance.zero(stream));
        }
        rows.query((rs, n) -> {
            FundingStream stream = FundingStream.valueOf(rs.getString(1));
            byStream.put(stream, byStream.get(stream).plus(LedgerAccount.valueOf(rs.getString(2)), rs.getLong(3)));
            return null;
        }).list();
        return new BudgetBalance(budgetId, List.copyOf(byStream.values()));
    }

    /** Entries posted in {@code [from, to)}, oldest first, with their lines. */
    @Transactional(readOnly = true)
    public List<LedgerEntryView> entries(long budgetId, Instant from, Instant to) {
        return load("WHERE e.budget_id = ? AND e.posted_at >= ? AND e.posted_at < ?", "e.posted_at, e.id",
                budgetId, Timestamp.from(from), Timestamp.from(to));
    }

    /** The newest entries, newest first. */
    @Transactional(readOnly = true)
    public List<LedgerEntryView> recentEntries(long budgetId, int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM ledger_entry WHERE budget_id = ? ORDER BY posted_at DESC, id DESC LIMIT ?")
                .params(budgetId, limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return load("WHERE e.id IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")",
                "e.posted_at DESC, e.id DESC");
    }

    @Transactional(readOnly = true)
    public Optional<LedgerEntryView> entry(long entryId) {
        return load("WHERE e.id = ?", "e.id", entryId).stream().findFirst();
    }

    // ---------------------------------------------------------------------------------------

    private LedgerEntryView post(long budgetId, EntryKind kind, LedgerRequest request, @Nullable Long reverses,
            List<Line> lines) {
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
        // One poster at a time per budget: this lock is what keeps available money from going negative.
        Long locked = jdbc.sql("SELECT budget_id FROM ledger_book WHERE budget_id = ? FOR UPDATE")
                .param(budgetId).query(Long.class).optional().orElse(null);
        if (locked == null) {
            throw ValidationException.of("", "There is no budget " + budgetId + ".");
        }
        Optional<Long> earlier = jdbc.sql("SELECT id FROM ledger_entry WHERE idempotency_key = ?")
                .param(key).query(Long.class).optional();
        if (earlier.isPresent()) {
            LedgerEntryView existing = entry(earlier.get()).orElseThrow();
            if (existing.budgetId() != budgetId || existing.kind() != kind) {
                throw new IllegalStateException("Idempotency key " + key + " was already used for another posting");
            }
            return existing;
        }
        if (reverses != null && jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE reverses_entry_id = ?")
                .param(reverses).query(Long.class).single() > 0) {
            throw ValidationException.of("", "That entry has already been corrected.");
        }

        Map<String, Long> balances = new LinkedHashMap<>();
        // a locking read sees the latest balances even if the caller's transaction read older ones
        // before taking the lock (a plain read would see that earlier snapshot)
        jdbc.sql("SELECT stream, account, balance_pence FROM ledger_balance WHERE budget_id = ? FOR UPDATE")
                .param(budgetId)
                .query((rs, n) -> balances.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        Map<String, Long> changed = new LinkedHashMap<>();
        long total = 0;
        for (Line line : lines) {
            total += line.pence();
            changed.merge(line.stream() + "/" + line.account(), line.pence(), Long::sum);
        }
        if (total != 0) {
            throw new IllegalStateException("An entry must balance; these lines add up to " + total);
        }
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

        Instant now = clock.instant();
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ledger_entry (budget_id, kind, idempotency_key, reason, reference, actor_account_id,
                  on_behalf_of_account_id, reverses_entry_id, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(budgetId, kind.name(), key, reason, request.reference(), request.actorAccountId(),
                        request.onBehalfOfAccountId(), reverses, Timestamp.from(now))
                .update(keyHolder);
        long entryId = keyHolder.getKey().longValue();
        for (Line line : lines) {
            jdbc.sql("INSERT INTO ledger_line (entry_id, budget_id, stream, account, amount_pence) VALUES (?, ?, ?, ?, ?)")
                    .params(entryId, budgetId, line.stream().name(), line.account().name(), line.pence()).update();
        }
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

    private static List<Line> move(@Nullable List<StreamAmount> amounts, LedgerAccount from, LedgerAccount to) {
        if (amounts == null || amounts.isEmpty()) {
            throw ValidationException.of("amount", "Enter an amount greater than £0.00.");
        }
        List<Line> lines = new ArrayList<>();
        for (StreamAmount amount : amounts) {
            if (amount.pence() == 0) {
                continue;
            }
            requirePositive(amount.pence());
            lines.add(new Line(amount.stream(), from, -amount.pence()));
            lines.add(new Line(amount.stream(), to, amount.pence()));
        }
        if (lines.isEmpty()) {
            throw ValidationException.of("amount", "Enter an amount greater than £0.00.");
        }
        return lines;
    }

    private static void requirePositive(long pence) {
        if (pence <= 0) {
            throw ValidationException.of("amount", "Enter an amount greater than £0.00.");
        }
        if (pence > MAX_POSTING_PENCE) {
            throw ValidationException.of("amount", "That amount is too large. The most one entry can move is "
                    + Money.format(MAX_POSTING_PENCE) + ".");
        }
    }

    private List<LedgerEntryView> load(String where, String orderBy, Object... params) {
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

    private record Line(FundingStream stream, LedgerAccount account, long pence) {
    }
}
