package org.wholecare.ledger;

/**
 * One stream's figures, in pence. {@code available == allocated - committed - spent} always holds,
 * because every entry balances.
 */
public record StreamBalance(FundingStream stream, long allocated, long committed, long spent, long available) {

    public static StreamBalance zero(FundingStream stream) {
        return new StreamBalance(stream, 0, 0, 0, 0);
    }

    StreamBalance plus(LedgerAccount account, long pence) {
        return switch (account) {
            case FUNDING -> new StreamBalance(stream, allocated - pence, committed, spent, available);
            case AVAILABLE -> new StreamBalance(stream, allocated, committed, spent, available + pence);
            case COMMITTED -> new StreamBalance(stream, allocated, committed + pence, spent, available);
            case SPENT -> new StreamBalance(stream, allocated, committed, spent + pence, available);
        };
    }

    /** Two sets of the same stream's figures added together (several budgets', say). */
    public StreamBalance plus(StreamBalance other) {
        return new StreamBalance(stream, allocated + other.allocated, committed + other.committed,
                spent + other.spent, available + other.available);
    }
}
