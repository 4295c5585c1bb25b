/**
 * Purchases: a booking from a listing, committed in the ledger with it; the provider accepts,
 * delivers and invoices; the holder (or a delegate) confirms or disputes; confirmed invoices become
 * spend and are paid by the payment feature.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.purchase;
