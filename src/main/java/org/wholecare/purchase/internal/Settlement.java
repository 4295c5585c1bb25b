package org.wholecare.purchase.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.wholecare.pooling.Apportionment;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.ledger.StreamAmount;
import org.springframework.context.ApplicationEventPublisher;
import org.wholecare.purchase.InvoiceConfirmed;
import org.wholecare.purchase.Invoice;
import org.wholecare.purchase.Purchase;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ValidationException;

/**
 * How a booking's money ends: a confirmed invoice turns its share of what was set aside into spend
 * and asks for the provider to be paid; what is no longer needed goes back to the budget. Callers
 * hold the purchase's row lock and have checked who is acting.
 */
@Component
public class Settlement {

    private final PurchaseRecords records;
    private final LedgerService ledger;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;

    Settlement(PurchaseRecords records, LedgerService ledger, ApplicationEventPublisher events,
            CurrentUser currentUser) {
        this.records = records;
        this.ledger = ledger;
        this.events = events;
        this.currentUser = currentUser;
    }

    /** The invoice is right: it is spent from the streams holding the booking's money, and paid. */
    public void settle(Purchase p, Invoice invoice, @Nullable Long actor, Invoice.Status from,
            @Nullable String resolution) {
        List<StreamAmount> parts = share(p.id(), invoice.amountPence());
        PurchaseRecords.Holder holder = records.holder(p.holderId());
        var entry = ledger.spend(p.budgetId(), parts, new LedgerRequest(actor, holder.accountId(),
                "Invoice " + invoice.id() + " from " + p.providerName() + " for " + invoice.units() + " " + p.unit()
                        + "s of " + p.title(), "invoice:" + invoice.id() + ":spend", "purchase:" + p.id()));
        for (StreamAmount part : parts) {
            records.streamSpent(p.id(), part.stream(), part.pence());
        }
        // a disputed invoice is settled by a commissioner; the disputer stays in decided_by
        records.moveInvoice(invoice.id(), from, Invoice.Status.CONFIRMED, (from == Invoice.Status.DISPUTED
                ? "resolved_by" : "decided_by") + " = ?, decided_at = ?, resolution = ?, spend_entry_id = ?", actor,
                records.now(), resolution, entry.id());
        // the provider is owed it now: whoever pays records the payment in this same transaction
        events.publishEvent(new InvoiceConfirmed(invoice.id(), entry.id(), p.providerId(), p.holderId(),
                holder.areaId(), invoice.amountPence(),
                "Wholecare invoice " + invoice.id() + ": " + p.title()));
        completeIfDone(p.id(), "Nothing more owed for " + p.title());
    }

    /**
     * A booking whose every unit is invoiced and settled (paid or rejected) is complete; anything
     * still set aside for it goes back to the budget.
     */
    public void completeIfDone(long purchaseId, String reason) {
        Purchase now = records.purchase(purchaseId);
        if (now.status() == Purchase.Status.ACCEPTED && records.openInvoices(purchaseId).count() == 0
                && now.unitsInvoiced() >= now.unitsBooked()) {
            releaseRest(now, reason);
            records.move(purchaseId, Purchase.Status.ACCEPTED, Purchase.Status.COMPLETED, null);
        }
    }

    /** Gives back to the budget whatever is still set aside for the booking. */
    public void releaseRest(Purchase p, String reason) {
        List<StreamAmount> left = records.leftByStream(p.id()).entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new StreamAmount(e.getKey(), e.getValue())).toList();
        if (left.isEmpty()) {
            return;
        }
        ledger.release(p.budgetId(), left, new LedgerRequest(currentUser.find().map(SignedInUser::accountId).orElse(null),
                records.holder(p.holderId()).accountId(), reason, "purchase:" + p.id() + ":release", "purchase:" + p.id()));
        for (StreamAmount part : left) {
            records.streamReleased(p.id(), part.stream(), part.pence());
        }
    }

    /** Splits an amount across the streams still holding this purchase's money, in proportion. */
    private List<StreamAmount> share(long purchaseId, long amount) {
        Map<FundingStream, Long> left = records.leftByStream(purchaseId);
        if (amount > left.values().stream().mapToLong(Long::longValue).sum()) {
            throw ValidationException.of("", "The invoice is more than is still set aside for this booking.");
        }
        return Apportionment.inProportion(amount, left).stream().filter(p -> p.pence() > 0).toList();
    }
}
