package org.wholecare.consent;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * For features whose people see or change a holder's records by their own right rather than by the
 * holder's consent (a provider answering a booking, delivering, invoicing; a commissioner's queue
 * of payments): the look or change still goes in the holder's "who has looked" log; a change in the
 * changing transaction.
 */
@Component
public class HolderRecords {

    private final BudgetAccess access;

    HolderRecords(BudgetAccess access) {
        this.access = access;
    }

    /** The caller has already been checked by the feature; this only records what they did. */
    @PreAuthorize("isAuthenticated()")
    public void recordChange(long holderId, String action) {
        access.recordChange(holderId, action);
    }

    /** The caller has already been checked by the feature; this only records who they saw. */
    @PreAuthorize("isAuthenticated()")
    public void recordLooks(java.util.Collection<Long> holderIds, String action) {
        access.recordLooks(holderIds, action);
    }
}
