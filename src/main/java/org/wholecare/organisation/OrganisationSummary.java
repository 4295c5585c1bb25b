package org.wholecare.organisation;

/** What other features may know about an organisation. */
public record OrganisationSummary(long id, String name, OrganisationType type, long areaId, String areaName) {
}
