package org.wholecare.payment;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wholecare.budget.StatementNotes;
import org.wholecare.ledger.EntryKind;
import org.wholecare.ledger.LedgerEntryView;

/** Statements say how each paid invoice was paid: through Stripe, or settled outside it. */
@Component
class PaymentStatementNotes implements StatementNotes {

    private final Payouts payments;

    PaymentStatementNotes(Payouts payments) {
        this.payments = payments;
    }

    @Override
    public Optional<String> noteFor(LedgerEntryView entry) {
        return entry.kind() == EntryKind.SPEND ? payments.statusOfSpend(entry.id()) : Optional.empty();
    }
}
