package org.wholecare.pooling;

import java.util.List;
import org.wholecare.ledger.StreamAmount;

/**
 * An amount split across one budget's streams, the agreement version that split it, and what the
 * person should know about the split (a note that stops the purchase means it cannot be paid).
 */
public record Apportioned(long categoryId, int agreementVersion, List<StreamAmount> parts, List<SplitNote> notes) {

    public boolean canPay() {
        return notes.stream().noneMatch(SplitNote::stopsPurchase);
    }

    /** Why it cannot be paid, one sentence per stream; empty if it can. */
    public List<String> problems() {
        return notes.stream().filter(SplitNote::stopsPurchase).map(SplitNote::text).toList();
    }

    /** What the person should know about a split that can be paid. */
    public List<String> explanations() {
        return notes.stream().filter(n -> !n.stopsPurchase()).map(SplitNote::text).toList();
    }
}
