/**
 * Paying providers and taking card top-ups through Stripe (stripe-java): an outbox of payments
 * sent with idempotency keys, Stripe Connect accounts for providers, Checkout for top-ups, and a
 * signed webhook applied exactly once. Without Stripe keys, payments are settled outside Stripe.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.payment;
