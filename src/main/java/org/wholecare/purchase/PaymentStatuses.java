package org.wholecare.purchase;

import java.util.Collection;
import java.util.Map;

/**
 * Required by the purchase feature, provided by whoever pays providers: how the payment for each
 * invoice stands, in words ("Paid through Stripe"), so a booking can show it. Invoices not yet
 * paid for are left out.
 */
public interface PaymentStatuses {

    Map<Long, String> ofInvoices(Collection<Long> invoiceIds);
}
