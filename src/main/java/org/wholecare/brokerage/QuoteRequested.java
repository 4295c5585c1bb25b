package org.wholecare.brokerage;

/** A broker or carer asked a provider for a price: the provider's staff have a request to answer. */
public record QuoteRequested(long quoteId, long providerOrganisationId) {
}
