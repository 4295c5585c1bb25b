package org.wholecare.organisation;

import java.util.List;

/** A local area (one council and one NHS board agree its pooling) and its postcode districts. */
public record AreaSummary(long id, String name, List<String> postcodeDistricts) {
}
