package org.wholecare.marketplace;

import java.util.Optional;
import org.wholecare.budget.BudgetHolderService;
import org.wholecare.budget.HolderSummary;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shell.ActingFor;

/**
 * The postcode district a page is about: the holder's own, or that of the holder a broker or
 * representative is acting for, so search and listing pages compare prices where that person lives.
 */
final class ViewerDistrict {

    private ViewerDistrict() {
    }

    static Optional<String> of(BudgetHolderService holders, SignedInUser user) {
        return switch (user.role()) {
            case BUDGET_HOLDER -> Optional.ofNullable(user.postcodeDistrict());
            case BROKER, REPRESENTATIVE -> {
                var chosen = ActingFor.current();
                if (chosen.isPresent()) {
                    // checked (and logged) by the service, whatever the session remembers
                    yield Optional.ofNullable(holders.holder(chosen.get().holderId()).postcodeDistrict());
                }
                yield user.role() == Role.REPRESENTATIVE ? holders.mine().map(HolderSummary::postcodeDistrict)
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }
}
