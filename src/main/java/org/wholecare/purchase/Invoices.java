package org.wholecare.purchase;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.HolderRecords;
import org.wholecare.purchase.internal.PurchaseRecords;
import org.wholecare.purchase.internal.Settlement;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * A provider's invoice after it is sent: the holder (or their carer or broker) confirms it, and it
 * is spent and paid, or disputes it for a commissioner to settle; one nobody answers in time is
 * confirmed overnight. Every step locks the booking's row and reads committed data, so a confirm
 * and a dispute on one invoice happen one after the other and the second sees what the first did.
 */
@Service
@Transactional(readOnly = true)
public class Invoices {

    private final JdbcClient jdbc;
    private final PurchaseRecords purchases;
    private final Settlement settlement;
    private final ConsentService consent;
    private final HolderRecords records;
    private final CurrentUser currentUser;
    private final TransactionTemplate stepTransaction;
    private final Clock clock;
    private final Duration autoConfirmAfter;

    Invoices(JdbcClient jdbc, PurchaseRecords purchases, Settlement settlement, ConsentService consent,
            HolderRecords records, CurrentUser currentUser, PlatformTransactionManager transactions, Clock clock,
            @Value("${wholecare.invoices.auto-confirm-after:14d}") Duration autoConfirmAfter) {
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.settlement = settlement;
        this.consent = consent;
        this.records = records;
        this.currentUser = currentUser;
        this.stepTransaction = new TransactionTemplate(transactions);
        this.stepTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.autoConfirmAfter = autoConfirmAfter;
    }

    /** The holder or a delegate with consent to purchase says the invoice is right: it is spent and paid. */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase confirm(long invoiceId) {
        Purchase p = purchases.lockedPurchaseOfInvoice(invoiceId);
        Invoice invoice = purchases.invoice(invoiceId);
        var who = consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Confirmed an invoice");
        require(invoice, Invoice.Status.RAISED);
        settlement.settle(p, invoice, who.actorAccountId(), Invoice.Status.RAISED, null);
        return purchases.purchase(p.id());
    }

    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase dispute(long invoiceId, @Nullable String reason) {
        Purchase p = purchases.lockedPurchaseOfInvoice(invoiceId);
        Invoice invoice = purchases.invoice(invoiceId);
        var who = consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Disputed an invoice");
        require(invoice, Invoice.Status.RAISED);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("reason", "Say what is wrong with the invoice, in up to 500 characters.");
        }
        purchases.moveInvoice(invoiceId, Invoice.Status.RAISED, Invoice.Status.DISPUTED, "decided_by = ?, "
                + "decided_at = ?, dispute_reason = ?", who.actorAccountId(), purchases.now(), why);
        return purchases.purchase(p.id());
    }

    /** Disputed invoices of holders in the commissioner's area, oldest first. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<Purchase> disputesInMyArea() {
        List<Purchase> disputed = purchases.where("p.id IN (SELECT d.purchase_id FROM invoice d WHERE d.status = "
                + "'DISPUTED') AND p.holder_id IN (SELECT a.id FROM budget_holder a WHERE a.area_id = ?)", "p.id",
                currentUser.require().areaId());
        records.recordLooks(disputed.stream().map(Purchase::holderId).toList(), "Looked at a disputed invoice of yours");
        return disputed;
    }

    /** A commissioner decides a dispute: pay the invoice as it stands, or reject it. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase resolveDispute(long invoiceId, boolean pay, @Nullable String resolution) {
        Purchase p = purchases.lockedPurchaseOfInvoice(invoiceId);
        Invoice invoice = purchases.invoice(invoiceId);
        var who = consent.authorise(p.holderId(), ConsentScope.VIEW, "Decided a disputed invoice");
        require(invoice, Invoice.Status.DISPUTED);
        String why = resolution == null ? "" : resolution.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("resolution", "Say how the dispute was settled, in up to 500 characters.");
        }
        if (pay) {
            settlement.settle(p, invoice, who.actorAccountId(), Invoice.Status.DISPUTED, why);
        } else {
            // the units are settled at nothing: they cannot be invoiced again, and what was set
            // aside for them goes back once nothing else is owed on the booking
            purchases.moveInvoice(invoiceId, Invoice.Status.DISPUTED, Invoice.Status.REJECTED, "resolved_by = ?, "
                    + "decided_at = ?, resolution = ?", who.actorAccountId(), purchases.now(), why);
            settlement.completeIfDone(p.id(), "Nothing more owed for " + p.title() + " after a rejected invoice");
        }
        return purchases.purchase(p.id());
    }

    /**
     * Invoices nobody confirmed or disputed within the set time are confirmed. Each is settled in
     * its own transaction under the purchase's lock and only if it is still waiting then, so a
     * dispute made while this runs wins.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int confirmOverdue() {
        Timestamp before = Timestamp.from(clock.instant().minus(autoConfirmAfter));
        List<Long> due = jdbc.sql("SELECT id FROM invoice WHERE status = 'RAISED' AND raised_at < ? ORDER BY id")
                .param(before).query(Long.class).list();
        int confirmed = 0;
        for (long id : due) {
            Boolean done = stepTransaction.execute(status -> {
                Purchase p = purchases.lockedPurchaseOfInvoice(id);
                Invoice invoice = purchases.invoice(id);
                if (invoice.status() != Invoice.Status.RAISED || !invoice.raisedAt().isBefore(before.toInstant())) {
                    return false;
                }
                settlement.settle(p, invoice, null, Invoice.Status.RAISED, "Confirmed automatically: not disputed "
                        + "within " + autoConfirmAfter.toDays() + " days");
                return true;
            });
            confirmed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return confirmed;
    }

    /**
     * Whether a holder has a verified purchase from this provider, what a review needs: something
     * delivered, invoiced and confirmed (by them, their delegate, a commissioner or the auto-confirm).
     */
    boolean hasVerifiedPurchase(long holderAccountId, long providerOrganisationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM purchase p JOIN budget_holder h ON h.id = p.holder_id
                JOIN invoice i ON i.purchase_id = p.id
                WHERE h.account_id = ? AND p.provider_id = ? AND i.status = 'CONFIRMED'""")
                .params(holderAccountId, providerOrganisationId).query(Long.class).single() > 0;
    }

    private static void require(Invoice invoice, Invoice.Status status) {
        if (invoice.status() != status) {
            throw ValidationException.of("", "This invoice is already " + invoice.status().name().toLowerCase(Locale.UK)
                    + ".");
        }
    }
}
