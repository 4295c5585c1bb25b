package org.wholecare.purchase;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.HolderRecords;
import org.wholecare.purchase.internal.PurchaseRecords;
import org.wholecare.purchase.internal.Settlement;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * The provider's side of a purchase: the bookings with their organisation, accepting or declining
 * a request, recording what was delivered and invoicing it. Each step locks the booking's row first,
 * so two steps on one booking happen one after the other.
 */
@Service
@Transactional(readOnly = true)
public class ProviderBookings {

    private final JdbcClient jdbc;
    private final PurchaseRecords purchases;
    private final Settlement settlement;
    private final HolderRecords records;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Duration autoConfirmAfter;

    ProviderBookings(JdbcClient jdbc, PurchaseRecords purchases, Settlement settlement, HolderRecords records,
            CurrentUser currentUser, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${wholecare.invoices.auto-confirm-after:14d}")
            java.time.Duration autoConfirmAfter) {
        this.events = events;
        this.autoConfirmAfter = autoConfirmAfter;
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.settlement = settlement;
        this.records = records;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** How many of the signed-in provider's bookings need them, counted in the database. */
    public record BookingCounts(long waiting, long underway, long invoicesOpen) {
    }

    @RolesAllowed(Roles.PROVIDER)
    public BookingCounts bookingCountsForMe() {
        long provider = currentUser.require().organisationId();
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM purchase WHERE provider_id = ? AND status = 'REQUESTED'),
                       (SELECT COUNT(*) FROM purchase WHERE provider_id = ? AND status = 'ACCEPTED'),
                       (SELECT COUNT(*) FROM invoice i JOIN purchase p ON p.id = i.purchase_id
                         WHERE p.provider_id = ? AND i.status IN ('RAISED', 'DISPUTED'))""")
                .params(provider, provider, provider)
                .query((rs, n) -> new BookingCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Bookings with the signed-in provider's organisation, waiting ones first. */
    @RolesAllowed(Roles.PROVIDER)
    public List<Purchase> bookingsForMe() {
        List<Purchase> bookings = purchases.where("p.provider_id = ?",
                "p.status <> 'REQUESTED', p.created_at DESC, p.id DESC", currentUser.require().organisationId());
        records.recordLooks(bookings.stream().map(Purchase::holderId).toList(), "Looked at your bookings with them");
        return bookings;
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase accept(long purchaseId) {
        Purchase p = mine(purchaseId);
        requireStatus(p, Purchase.Status.REQUESTED, "This booking has already been answered.");
        purchases.move(purchaseId, Purchase.Status.REQUESTED, Purchase.Status.ACCEPTED, "decided_by = ?, decided_at = ?",
                currentUser.require().accountId(), purchases.now());
        records.recordChange(p.holderId(), "Accepted the booking of " + p.title());
        return purchases.purchase(purchaseId);
    }

    /** The provider cannot take the booking: the money set aside goes back to the budget. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase decline(long purchaseId, @Nullable String reason) {
        Purchase p = mine(purchaseId);
        requireStatus(p, Purchase.Status.REQUESTED, "This booking has already been answered.");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("reason", "Say why you cannot take this booking, in up to 500 characters.");
        }
        settlement.releaseRest(p, "Declined by " + p.providerName() + ": " + why);
        purchases.move(purchaseId, Purchase.Status.REQUESTED, Purchase.Status.DECLINED, "decided_by = ?, decided_at = ?, "
                + "decline_reason = ?", currentUser.require().accountId(), purchases.now(), why);
        records.recordChange(p.holderId(), "Declined the booking of " + p.title());
        return purchases.purchase(purchaseId);
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase recordDelivery(long purchaseId, int units, @Nullable LocalDate deliveredOn) {
        Purchase p = mine(purchaseId);
        requireStatus(p, Purchase.Status.ACCEPTED, "Record delivery on an accepted booking.");
        var errors = new ValidationException.Collector();
        if (units < 1) {
            errors.add("units", "Enter how many " + p.unit() + "s were delivered, 1 or more.");
        } else if (units > p.unitsBooked() - p.unitsDelivered()) {
            errors.add("units", "Only " + (p.unitsBooked() - p.unitsDelivered()) + " more " + p.unit()
                    + "s were booked.");
        }
        if (deliveredOn == null) {
            errors.add("deliveredOn", "Enter the day it was delivered.");
        } else if (deliveredOn.isAfter(UkTime.today(clock))) {
            errors.add("deliveredOn", "The day delivered cannot be in the future.");
        } else if (deliveredOn.isBefore(p.startDate())) {
            errors.add("deliveredOn", "The booking starts on " + UkTime.day(p.startDate()) + ".");
        } else if (errors.isEmpty()) {
            int room = roomToDeliver(p, deliveredOn);
            if (units > room) {
                errors.add("units", room == 0
                        ? "Nothing more was due by " + UkTime.day(deliveredOn) + ". Record each visit once it has "
                                + "happened."
                        : "Only " + room + " more " + p.unit() + (room == 1 ? " was" : "s were") + " due by "
                                + UkTime.day(deliveredOn) + ". Record each visit once it has happened.");
            }
        }
        errors.throwIfAny();
        jdbc.sql("INSERT INTO delivery (purchase_id, units, delivered_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(purchaseId, units, Date.valueOf(deliveredOn), currentUser.require().accountId(), purchases.now())
                .update();
        records.recordChange(p.holderId(), "Recorded delivery of " + units + " " + p.unit() + (units == 1 ? "" : "s")
                + " of " + p.title());
        return purchases.purchase(purchaseId);
    }

    /** An invoice for delivered units not yet invoiced, never for more than is still set aside. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase raiseInvoice(long purchaseId, int units) {
        Purchase p = mine(purchaseId);
        requireStatus(p, Purchase.Status.ACCEPTED, "Invoice an accepted booking.");
        int invoiceable = p.unitsDelivered() - p.unitsInvoiced();
        if (units < 1) {
            throw ValidationException.of("units", "Enter how many delivered " + p.unit() + "s to invoice.");
        }
        if (units > invoiceable) {
            throw ValidationException.of("units", invoiceable == 0 ? "Record the delivery before invoicing it."
                    : "Only " + invoiceable + " delivered " + p.unit() + "s are not invoiced yet.");
        }
        long amount = Math.multiplyExact(p.unitPricePence(), units);
        long pendingInvoices = purchases.openInvoices(purchaseId).pence();
        if (amount + pendingInvoices > p.committedPence()) {
            throw ValidationException.of("units", "That is " + Money.format(amount) + ", more than the "
                    + Money.format(p.committedPence() - pendingInvoices) + " still set aside for this booking.");
        }
        jdbc.sql("INSERT INTO invoice (purchase_id, units, amount_pence, status, raised_by, raised_at) "
                        + "VALUES (?, ?, ?, 'RAISED', ?, ?)")
                .params(purchaseId, units, amount, currentUser.require().accountId(), purchases.now()).update();
        records.recordChange(p.holderId(), "Sent an invoice for " + Money.format(amount) + " for " + p.title());
        events.publishEvent(new InvoiceRaised(purchaseId, p.holderId(), purchases.now().toInstant()
                .plus(autoConfirmAfter).atZone(org.wholecare.shared.UkTime.ZONE).toLocalDate()));
        return purchases.purchase(purchaseId);
    }

    /**
     * How many units may still be recorded as delivered on that day: by no day may more be recorded
     * than was due by it, so the least room on that day or any later day with a delivery recorded.
     */
    private int roomToDeliver(Purchase p, LocalDate deliveredOn) {
        List<Map.Entry<LocalDate, Integer>> recorded = jdbc.sql("""
                SELECT delivered_on, SUM(units) FROM delivery WHERE purchase_id = ? GROUP BY delivered_on
                 ORDER BY delivered_on""").param(p.id())
                .query((rs, n) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getInt(2))).list();
        int room = Integer.MAX_VALUE;
        int deliveredBy = 0;
        for (var day : recorded) {
            deliveredBy += day.getValue();
            if (!day.getKey().isBefore(deliveredOn)) {
                room = Math.min(room, p.unitsDueBy(day.getKey()) - deliveredBy);
            }
        }
        int deliveredByThatDay = recorded.stream().filter(day -> !day.getKey().isAfter(deliveredOn))
                .mapToInt(Map.Entry::getValue).sum();
        return Math.max(0, Math.min(room, p.unitsDueBy(deliveredOn) - deliveredByThatDay));
    }

    /** The booking, locked, if it is with the signed-in provider's organisation. */
    private Purchase mine(long purchaseId) {
        purchases.lock(purchaseId);
        Purchase p = purchases.purchase(purchaseId);
        if (!Objects.equals(p.providerId(), currentUser.require().organisationId())) {
            throw new AccessDeniedException("Not a booking with your organisation");
        }
        return p;
    }

    private static void requireStatus(Purchase p, Purchase.Status status, String message) {
        if (p.status() != status) {
            throw ValidationException.of("", message);
        }
    }
}
