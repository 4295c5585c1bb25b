package org.wholecare.purchase;

import java.time.LocalDate;

/** A provider sent an invoice: it waits for the holder (or whoever acts for them) to confirm or dispute it. */
public record InvoiceRaised(long purchaseId, long holderId, LocalDate confirmedAutomaticallyOn) {
}
