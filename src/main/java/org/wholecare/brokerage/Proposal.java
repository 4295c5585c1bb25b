package org.wholecare.brokerage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A purchase proposed for the holder to accept or decline (or, by someone with consent to buy,
 * accepted at once); an accepted proposal is booked from Purchases.
 *
 * @param proposedById the account that proposed it: only they may withdraw it
 */
public record Proposal(long id, long holderId, long listingId, String title, String providerName, long providerId,
        int quantity, Frequency frequency, LocalDate startDate, long unitPricePence, String unit, String reason,
        Status status, String proposedByName, Instant proposedAt, @Nullable String decisionComment,
        List<ShortlistItem> otherOptions, @Nullable String conflict, long proposedById) {

    /**
     * Where a proposal stands, and the only moves it can make: the holder accepts or declines it,
     * or the person who proposed it withdraws it. Accepted, declined and withdrawn are the end.
     */
    public enum Status {
        PROPOSED, ACCEPTED, DECLINED, WITHDRAWN;

        public boolean canMoveTo(Status next) {
            return this == PROPOSED && next != PROPOSED;
        }
    }

    public enum Frequency {
        ONE_OFF("once"), WEEKLY("every week"), MONTHLY("every month");

        private final String label;

        Frequency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public long totalPence() {
        return Math.multiplyExact(unitPricePence, quantity);
    }
}
