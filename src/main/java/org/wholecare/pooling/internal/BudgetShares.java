package org.wholecare.pooling.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.pooling.Apportionment;
import org.wholecare.pooling.SplitNote;

/**
 * What an agreement means for one person's budget. The agreement splits a cost between the
 * streams; a stream the person has no money in at all (no assessed contribution, say) cannot pay,
 * so its share falls to the agreement's other streams for that kind of support, in proportion to
 * their shares. A stream that has money but not enough left keeps its share: the funder's limit
 * stands, and only the person's own money, the private top-up, may pay the rest.
 */
public final class BudgetShares {

    private BudgetShares() {
    }

    public record Split(List<StreamAmount> parts, List<SplitNote> notes) {
    }

    public static Split of(long pence, Map<FundingStream, Integer> agreed, BudgetBalance balance) {
        Map<FundingStream, Integer> shares = new EnumMap<>(FundingStream.class);
        agreed.forEach((stream, share) -> {
            if (share > 0) {
                shares.put(stream, share);
            }
        });
        List<SplitNote> notes = new ArrayList<>();
        List<StreamAmount> asAgreed = Apportionment.split(pence, shares);
        Map<FundingStream, Long> funded = new EnumMap<>(FundingStream.class);
        shares.forEach((stream, share) -> {
            if (balance.stream(stream).allocated() > 0) {
                funded.put(stream, share.longValue());
            }
        });
        Map<FundingStream, Long> parts = new EnumMap<>(FundingStream.class);
        if (funded.isEmpty() || funded.size() == shares.size()) {
            // all there, or nobody there to take a share on: as agreed (and refused below if short)
            asAgreed.forEach(part -> parts.put(part.stream(), part.pence()));
        } else {
            Apportionment.inProportion(pence, funded).forEach(part -> parts.put(part.stream(), part.pence()));
            List<FundingStream> paidBy = List.copyOf(funded.keySet());
            for (StreamAmount part : asAgreed) {
                if (!funded.containsKey(part.stream())) {
                    notes.add(new SplitNote(SplitNote.Kind.NOT_IN_BUDGET, part.stream(), part.pence(), 0, paidBy, 0));
                }
            }
        }
        coverShortfallsFromTopUp(parts, balance, notes);
        List<StreamAmount> result = new ArrayList<>();
        parts.forEach((stream, part) -> {
            if (part > 0) {
                result.add(new StreamAmount(stream, part));
            }
        });
        return new Split(List.copyOf(result), List.copyOf(notes));
    }

    /** The person's own money pays what a funder's stream has run out for, all of it or none. */
    private static void coverShortfallsFromTopUp(Map<FundingStream, Long> parts, BudgetBalance balance,
            List<SplitNote> notes) {
        FundingStream topUp = FundingStream.PRIVATE_TOP_UP;
        long topUpLeft = Math.max(0, balance.stream(topUp).available() - parts.getOrDefault(topUp, 0L));
        for (FundingStream stream : FundingStream.values()) {
            long part = parts.getOrDefault(stream, 0L);
            long left = balance.stream(stream).available();
            if (part <= left) {
                continue;
            }
            long shortfall = part - left;
            if (stream != topUp && shortfall <= topUpLeft) {
                parts.put(stream, left);
                parts.merge(topUp, shortfall, Long::sum);
                topUpLeft -= shortfall;
                notes.add(new SplitNote(SplitNote.Kind.TOP_UP_COVERS, stream, shortfall, left, List.of(), 0));
            } else {
                notes.add(new SplitNote(SplitNote.Kind.NOT_ENOUGH, stream, part, left, List.of(),
                        stream == topUp ? 0 : topUpLeft));
            }
        }
    }
}
