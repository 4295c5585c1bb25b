/**
 * The purchase feature's own tables (reading bookings and invoices whole, the one place a status
 * changes) and settlement (spend, payment request, release); not for other modules.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.purchase.internal;
