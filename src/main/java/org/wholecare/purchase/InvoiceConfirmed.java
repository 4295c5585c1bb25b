package org.wholecare.purchase;

/**
 * An invoice is confirmed (by the holder, their delegate, a commissioner or the overnight check)
 * and its amount is spent in the ledger: the provider is now owed it. Published inside the
 * confirming transaction, so whoever pays records the payment in the same commit.
 *
 * @param holderAreaId the area of the person whose budget paid: its commissioners see the payment
 */
public record InvoiceConfirmed(long invoiceId, long spendEntryId, long providerId, long holderId, long holderAreaId,
        long amountPence, String description) {
}
