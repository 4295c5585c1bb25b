package org.wholecare.ledger;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A posted entry as statements and history show it.
 *
 * @param availableChange what the entry did to the money available, per stream and in total
 */
public record LedgerEntryView(long id, long budgetId, EntryKind kind, Instant postedAt, String reason,
        @Nullable String reference, @Nullable Long actorAccountId, @Nullable Long onBehalfOfAccountId,
        @Nullable Long reversesEntryId,
        List<LedgerLineView> lines) {

    public long change(LedgerAccount account) {
        return lines.stream().filter(l -> l.account() == account).mapToLong(LedgerLineView::pence).sum();
    }

    public long change(LedgerAccount account, FundingStream stream) {
        return lines.stream().filter(l -> l.account() == account && l.stream() == stream)
                .mapToLong(LedgerLineView::pence).sum();
    }

    /** Minus what the entry did to FUNDING: how much the allocation changed. */
    public long allocatedChange() {
        return -change(LedgerAccount.FUNDING);
    }

    public record LedgerLineView(FundingStream stream, LedgerAccount account, long pence) {
    }
}
