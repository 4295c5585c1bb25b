package org.wholecare.marketplace;

/** A commissioner decided where a provider stands: its staff are told, without the reason (it is on the page). */
public record ProviderChecksDecided(long providerOrganisationId, ProviderStatus decision) {
}
