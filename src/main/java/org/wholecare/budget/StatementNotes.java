package org.wholecare.budget;

import java.util.Optional;
import org.wholecare.ledger.LedgerEntryView;

/**
 * Something another feature knows about a ledger entry that a statement should say, such as how a
 * spend was paid ("settled outside Stripe"). The payment feature supplies it.
 */
public interface StatementNotes {

    Optional<String> noteFor(LedgerEntryView entry);
}
