package org.wholecare.holder;

import java.util.Optional;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shell.ActingFor;

/** Whose budget and plan a page shows: the holder's own, or the client chosen by a broker or representative. */
public final class ChosenHolder {

    private ChosenHolder() {
    }

    public static Optional<HolderSummary> of(BudgetHolderService holders, SignedInUser user) {
        if (user.role() == Role.BUDGET_HOLDER) {
            return holders.mine();
        }
        var chosen = ActingFor.current();
        if (chosen.isPresent()) {
            // checked (and logged) by the service, whatever the session remembers
            return Optional.of(holders.holder(chosen.get().holderId()));
        }
        // a carer for one person acts for them without choosing, unless they have just stopped
        return user.role() == Role.REPRESENTATIVE && !ActingFor.stoppedByChoice() ? holders.mine() : Optional.empty();
    }

    public static String nobody(Role role) {
        return switch (role) {
            case BUDGET_HOLDER -> "You are not registered for a budget yet. Your council or NHS team does this after "
                    + "your assessment.";
            case BROKER -> "Choose a client on the Clients page first.";
            default -> ActingFor.stoppedByChoice()
                    ? "You are not acting for anyone now. Choose the person on your home page to act for them again."
                    : "Nobody has asked you to act for them yet.";
        };
    }
}
