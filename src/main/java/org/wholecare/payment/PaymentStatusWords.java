package org.wholecare.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.StatementNotes;
import org.wholecare.ledger.EntryKind;
import org.wholecare.ledger.LedgerEntryView;
import org.wholecare.purchase.PaymentStatuses;

/**
 * How a payment stands, in words people read: on the holder's purchases (for the purchase feature)
 * and on statements (for the budget feature), which both ask through an interface of their own.
 */
@Component
@Transactional(readOnly = true)
class PaymentStatusWords implements PaymentStatuses, StatementNotes {

    private final JdbcClient jdbc;

    PaymentStatusWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the payments for these invoices stand, in words, in one query; invoices without one are left out. */
    @Override
    public java.util.Map<Long, String> ofInvoices(java.util.Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> statuses = new java.util.HashMap<>();
        jdbc.sql("SELECT invoice_id, method, status FROM payment WHERE invoice_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(invoiceIds.size(), "?")) + ")")
                .params(List.copyOf(invoiceIds))
                .query(rs -> {
                    statuses.put(rs.getLong(1), label(rs.getString(2), rs.getString(3)));
                });
        return statuses;
    }

    /** How the spend in a ledger entry was paid, for statements; empty if it is not a payment's spend. */
    @Override
    public Optional<String> noteFor(LedgerEntryView entry) {
        if (entry.kind() != EntryKind.SPEND) {
            return Optional.empty();
        }
        long spendEntryId = entry.id();
        return jdbc.sql("SELECT method, status FROM payment WHERE spend_entry_id = ?").param(spendEntryId)
                .query((rs, n) -> label(rs.getString(1), rs.getString(2))).optional();
    }

    static String label(String method, String status) {
        return switch (status) {
            case "SENT" -> "Paid through Stripe";
            case "SETTLED" -> "Settled outside Stripe";
            case "FAILED" -> "Payment failed: a commissioner will settle it";
            default -> "OUTSIDE".equals(method) ? "Waiting to be settled outside Stripe" : "Being paid through Stripe";
        };
    }

}
