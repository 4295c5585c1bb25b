package org.wholecare.purchase;

import java.time.Instant;

/** A provider's bill for units delivered; confirmed, it becomes spend and is paid. */
public record Invoice(long id, long purchaseId, int units, long amountPence, Status status, Instant raisedAt,
        String disputeReason, String resolution, String paymentStatus) {

    public enum Status { RAISED, DISPUTED, CONFIRMED, REJECTED }
}
