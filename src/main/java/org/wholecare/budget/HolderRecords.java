package org.wholecare.budget;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * For features whose people change a holder's records by their own right rather than by the
 * holder's consent (a provider answering a booking, delivering, invoicing): the change still goes
 * in the holder's "who has looked" log, in the changing transaction.
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
}
