package org.wholecare.marketplace;

import java.time.Instant;

/** A listing's price from a moment on; bookings made before it keep their own price. */
public record PriceChange(long pricePence, Instant changedAt) {
}
