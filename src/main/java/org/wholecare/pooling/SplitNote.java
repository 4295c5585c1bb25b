package org.wholecare.pooling;

import java.util.List;
import java.util.stream.Collectors;
import org.wholecare.ledger.FundingStream;
import org.wholecare.shared.Money;

/**
 * Something about how a cost was split that the person should read before confirming: a stream
 * with no money in this budget whose share the others pay, the private top-up paying what a
 * funder's stream has run out for, or a stream that cannot pay its part (which stops the purchase).
 *
 * @param pence  the stream's share as agreed (not in budget), what the top-up pays (top-up covers),
 *               or the stream's part (not enough)
 * @param left   what the stream has left to use
 * @param paidBy who pays instead (not in budget)
 * @param topUp  what the private top-up could add towards a part it cannot cover (not enough)
 */
public record SplitNote(Kind kind, FundingStream stream, long pence, long left, List<FundingStream> paidBy,
        long topUp) {

    public enum Kind {
        NOT_IN_BUDGET, TOP_UP_COVERS, NOT_ENOUGH
    }

    public boolean stopsPurchase() {
        return kind == Kind.NOT_ENOUGH;
    }

    /** In words anyone looking at the budget can read: the holder, their carer or their broker. */
    public String text() {
        return switch (kind) {
            case NOT_IN_BUDGET -> stream.label() + " has no money in this budget, so "
                    + paidBy.stream().map(FundingStream::label).collect(Collectors.joining(" and "))
                    + (paidBy.size() > 1 ? " pay" : " pays") + " its share (" + Money.format(pence) + ").";
            case TOP_UP_COVERS -> stream.label() + " has only " + Money.format(left) + " left, so the private "
                    + "top-up (money added by card) pays " + Money.format(pence) + " of its share.";
            case NOT_ENOUGH -> stream.label() + " would pay " + Money.format(pence) + " but has only "
                    + Money.format(left) + " left" + (topUp > 0 ? ", and the private top-up has only "
                    + Money.format(topUp) + " to add." : ".");
        };
    }
}
