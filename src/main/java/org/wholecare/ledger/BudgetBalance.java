package org.wholecare.ledger;

import java.util.List;

/** A budget's figures per stream and in total, straight from the ledger. */
public record BudgetBalance(long budgetId, List<StreamBalance> streams) {

    public long allocated() {
        return streams.stream().mapToLong(StreamBalance::allocated).sum();
    }

    public long committed() {
        return streams.stream().mapToLong(StreamBalance::committed).sum();
    }

    public long spent() {
        return streams.stream().mapToLong(StreamBalance::spent).sum();
    }

    public long available() {
        return streams.stream().mapToLong(StreamBalance::available).sum();
    }

    public StreamBalance stream(FundingStream stream) {
        return streams.stream().filter(s -> s.stream() == stream).findFirst().orElse(StreamBalance.zero(stream));
    }
}
