package org.wholecare.brokerage;

/** A provider offered a price in a quote's thread: whoever asked has an offer to look at. */
public record QuoteOffered(long quoteId, long holderId, long requestedByAccountId) {
}
