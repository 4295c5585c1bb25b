package org.wholecare.pooling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamAmount;

/**
 * Splits an amount across funding streams by a pooling agreement's shares. Shares are basis
 * points (1/100 of a percent) adding up to 10,000. Pennies that do not divide evenly go, one each,
 * to the streams with the largest remainders (ties in stream order), so the parts always add up
 * to the whole and no penny is lost or invented.
 */
public final class Apportionment {

    public static final int WHOLE = 10_000;

    private Apportionment() {
    }

    public static List<StreamAmount> split(long pence, Map<FundingStream, Integer> shares) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        if (total != WHOLE) {
            throw new IllegalArgumentException("Shares must add up to 100%, not " + total / 100.0 + "%");
        }
        Map<FundingStream, Long> weights = new java.util.EnumMap<>(FundingStream.class);
        shares.forEach((stream, share) -> weights.put(stream, share.longValue()));
        return inProportion(pence, weights);
    }

    /**
     * Splits an amount in proportion to any weights (what each stream still holds for a booking,
     * say), by the same largest-remainder rule: the one splitter in Wholecare.
     */
    public static List<StreamAmount> inProportion(long pence, Map<FundingStream, Long> weights) {
        if (pence < 0) {
            throw new IllegalArgumentException("Cannot apportion a negative amount");
        }
        long total = 0;
        for (long weight : weights.values()) {
            if (weight < 0) {
                throw new IllegalArgumentException("A share cannot be negative");
            }
            total = Math.addExact(total, weight);
        }
        if (total == 0) {
            if (pence == 0) {
                return List.of();
            }
            throw new IllegalArgumentException("Nothing to share " + pence + " pence between");
        }
        record Part(FundingStream stream, long pence, long remainder) {
        }
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (FundingStream stream : FundingStream.values()) {
            long weight = weights.getOrDefault(stream, 0L);
            if (weight == 0) {
                continue;
            }
            long product = Math.multiplyExact(pence, weight);
            parts.add(new Part(stream, product / total, product % total));
            given += product / total;
        }
        long leftover = pence - given;
        List<Part> byRemainder = parts.stream()
                .sorted(Comparator.comparingLong(Part::remainder).reversed()
                        .thenComparing(p -> p.stream().ordinal()))
                .toList();
        List<StreamAmount> result = new ArrayList<>();
        for (Part part : parts) {
            long extra = byRemainder.indexOf(part) < leftover ? 1 : 0;
            result.add(new StreamAmount(part.stream(), part.pence() + extra));
        }
        return result;
    }
}
