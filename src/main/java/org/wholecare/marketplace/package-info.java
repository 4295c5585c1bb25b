/**
 * Providers and what they offer: registration and checks, listings with prices, search by place
 * and need, and reviews from people who bought and were delivered to.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.marketplace;
