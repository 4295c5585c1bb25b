package org.wholecare.purchase;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A provider's bill for units delivered; confirmed, it becomes spend and is paid. */
public record Invoice(long id, long purchaseId, int units, long amountPence, Status status, Instant raisedAt,
        @Nullable String disputeReason, @Nullable String resolution, @Nullable String paymentStatus) {

    /**
     * Where an invoice stands, and the only moves it can make: the holder (or the overnight
     * auto-confirm) confirms a raised invoice or disputes it; a commissioner confirms or rejects a
     * disputed one. Confirmed and rejected are the end.
     */
    public enum Status {
        RAISED, DISPUTED, CONFIRMED, REJECTED;

        public boolean canMoveTo(Status next) {
            return switch (this) {
                case RAISED -> next == CONFIRMED || next == DISPUTED;
                case DISPUTED -> next == CONFIRMED || next == REJECTED;
                case CONFIRMED, REJECTED -> false;
            };
        }
    }
}
