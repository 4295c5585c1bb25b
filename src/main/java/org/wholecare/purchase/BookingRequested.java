package org.wholecare.purchase;

/** Someone booked a provider's service: it waits for the provider to accept or decline it. */
public record BookingRequested(long purchaseId, long providerOrganisationId) {
}
