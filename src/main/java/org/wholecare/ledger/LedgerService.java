package org.wholecare.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.wholecare.ledger.internal.Postings;
import org.wholecare.ledger.internal.Postings.Line;

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
    private final Postings postings;

    LedgerService(JdbcClient jdbc, Clock clock, Postings postings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postings = postings;
    }

    /**
     * Opens the budget's book with every stream at zero, for the area whose funders it accounts for
     * and the period it covers (an area's figures are summed from its books). Must run in the
     * caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(long budgetId, long areaId, java.time.LocalDate coversFrom, java.time.LocalDate coversTo) {
        jdbc.sql("INSERT INTO ledger_book (budget_id, area_id, covers_from, covers_to, opened_at) VALUES (?, ?, ?, ?, ?)")
                .params(budgetId, areaId, java.sql.Date.valueOf(coversFrom), java.sql.Date.valueOf(coversTo),
                        Timestamp.from(clock.instant())).update();
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
        return postings.post(budgetId, kind, request, reverses, lines);
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
        return postings.load(where, orderBy, params);
    }
}
