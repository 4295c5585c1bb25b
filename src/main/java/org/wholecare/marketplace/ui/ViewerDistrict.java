package org.wholecare.marketplace.ui;

import java.util.Optional;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.ChosenHolder;
import org.wholecare.holder.HolderSummary;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;

/**
 * The postcode district a page is about: the holder's own, or that of the holder a broker or
 * representative is acting for, so search and listing pages compare prices where that person lives.
 */
final class ViewerDistrict {

    private ViewerDistrict() {
    }

    static Optional<String> of(BudgetHolderService holders, SignedInUser user) {
        if (user.role() == Role.BUDGET_HOLDER) {
            return Optional.ofNullable(user.postcodeDistrict());
        }
        if (user.role() != Role.BROKER && user.role() != Role.REPRESENTATIVE) {
            return Optional.empty();
        }
        return ChosenHolder.of(holders, user).map(HolderSummary::postcodeDistrict);
    }
}
