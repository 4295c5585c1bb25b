package org.wholecare.budget;

/** A kind of support budgets may (or, if excluded, may never) buy in an area. */
public record ServiceCategory(long id, long areaId, String name, boolean excluded, String exclusionReason) {
}
