/**
 * The purchase feature's own tables (reading bookings and invoices whole, the one place a status
 * changes) and settlement (spend, payment request, release); not for other modules.
 */
package org.wholecare.purchase.internal;
