package org.wholecare.pooling;

import org.jspecify.annotations.Nullable;

/**
 * A kind of support budgets may (or, if excluded, may never) buy in an area; some (personal care,
 * nursing) only from providers registered with the Care Quality Commission.
 */
public record ServiceCategory(long id, long areaId, String name, boolean excluded, @Nullable String exclusionReason,
        boolean needsCqcRegistration) {

    public ServiceCategory(long id, long areaId, String name, boolean excluded, @Nullable String exclusionReason) {
        this(id, areaId, name, excluded, exclusionReason, false);
    }
}
