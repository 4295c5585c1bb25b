package org.wholecare.budget;

import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;

/**
 * Who may see or change a budget holder's records. Commissioners: holders in their own area.
 * Holders: themselves. Representatives: the holders they are recorded for.
 */
@Component
class BudgetAccess {

    private final CurrentUser currentUser;

    BudgetAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    void requireView(HolderSummary holder) {
        SignedInUser user = currentUser.require();
        boolean allowed = switch (user.role()) {
            case COMMISSIONER -> Objects.equals(user.areaId(), holder.areaId());
            case BUDGET_HOLDER -> user.accountId() == holder.accountId();
            case REPRESENTATIVE -> Objects.equals(holder.representativeAccountId(), user.accountId());
            default -> false;
        };
        if (!allowed) {
            throw new AccessDeniedException("You may not see this person's budget");
        }
    }

    /** Commissioners of the holder's own area set up and change budgets. */
    SignedInUser requireCommissionerFor(long areaId) {
        SignedInUser user = currentUser.require();
        if (user.role() != Role.COMMISSIONER || !Objects.equals(user.areaId(), areaId)) {
            throw new AccessDeniedException("Only a commissioner for this area may do that");
        }
        return user;
    }

    SignedInUser user() {
        return currentUser.require();
    }
}
