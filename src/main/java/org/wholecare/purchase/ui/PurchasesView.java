package org.wholecare.purchase.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.BookingPreview;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.CostChangedException;
import org.wholecare.purchase.Invoice;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.Purchase;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.textfield.IntegerField;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.wholecare.brokerage.Proposals;
import org.wholecare.brokerage.Proposal;
import java.util.List;
import java.util.Optional;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.ChosenHolder;
import org.wholecare.holder.HolderSummary;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** What has been booked, what the provider has delivered and invoiced, and the invoices to confirm or dispute. */
@Route("purchases")
@PageTitle("Purchases – Wholecare")
@Menu(title = "Purchases", order = 12, icon = "vaadin:cart")
@RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
public class PurchasesView extends Main {


    private final Bookings bookings;
    private final Invoices invoices;
    private final Proposals proposals;
    private final @Nullable HolderSummary holder;
    /** Whether the person at the screen may buy for this holder: if not, no button offers to. */
    private final boolean canBuy;

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    PurchasesView(java.time.Clock clock, Bookings bookings, Invoices invoices, Proposals proposals, BudgetHolderService holders,
            org.wholecare.consent.ConsentService consent, CurrentUser currentUser) {
        this.clock = clock;
        this.bookings = bookings;
        this.invoices = invoices;
        this.proposals = proposals;
        this.holder = ChosenHolder.of(holders, currentUser.require()).orElse(null);
        this.canBuy = holder != null && consent.myScope(holder.id())
                .filter(scope -> scope == org.wholecare.consent.ConsentScope.PURCHASE).isPresent();
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Purchases"));
        if (holder == null) {
            add(new Paragraph("Choose whose purchases to see on the Clients page first."));
            return;
        }
        add(new Paragraph("Book from a service's page in Find support. Money is set aside when you book and "
                + "spent when you confirm the provider's invoice."));
        if (canBuy) {
            accepted().ifPresent(this::add);
        } else {
            add(new Paragraph(holder.fullName() + " has given you access to look, not to buy: booking, cancelling "
                    + "and confirming invoices are for " + holder.fullName() + " or someone with access to buy."));
        }
        List<Purchase> all = bookings.purchasesOf(holder.id());
        if (all.isEmpty()) {
            add(Ui.card("Nothing booked yet", new Paragraph("Find support to book a service.")));
        } else if (holder.currentBudgetId() != null) {
            add(totals(all.stream().filter(p -> p.budgetId() == holder.currentBudgetId()).toList()));
        }
        all.forEach(p -> add(card(p)));
    }

    /** Proposals the person accepted that are not booked yet: booking one is a purchase like any other. */
    private Optional<Component> accepted() {
        var booked = bookings.bookedProposals(holder.id());
        var waiting = proposals.of(holder.id()).stream()
                .filter(p -> p.status() == Proposal.Status.ACCEPTED && !booked.contains(p.id())).toList();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        var card = Ui.card("Accepted proposals to book");
        String requestKey = java.util.UUID.randomUUID().toString();
        for (Proposal p : waiting) {
            card.add(new ProposalToBook(p, requestKey));
        }
        return Optional.of(card);
    }

    /** One accepted proposal: its cost checked, then booked at exactly what was shown. */
    private final class ProposalToBook extends Div {

        private final Proposal proposal;
        private final String requestKey;
        private final IntegerField times;
        private final FormErrors errors;
        private final Div cost = new Div();
        private final Button confirm = new Button("Confirm the booking");
        private @Nullable BookingPreview shown;

        ProposalToBook(Proposal p, String requestKey) {
            this.proposal = p;
            this.requestKey = requestKey;
            times = new IntegerField("For how many " + (p.frequency() == Proposal.Frequency.MONTHLY
                    ? "months" : "weeks"));
            times.setMin(1);
            times.setValue(1);
            times.setVisible(p.frequency() != Proposal.Frequency.ONE_OFF);
            errors = new FormErrors().field("occurrences", times).field("quantity", times)
                    .field("startDate", times).field("listing", times);
            cost.getElement().setAttribute("aria-live", "polite");
            confirm.setAriaLabel("Confirm the booking of " + p.title());
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setVisible(false);
            confirm.addClickListener(click -> confirm());
            times.addValueChangeListener(e -> {
                shown = null;
                confirm.setVisible(false);
                cost.removeAll();
            });
            Button check = new Button("Check the cost", click -> check());
            check.setAriaLabel("Check the cost of " + p.title());
            add(new Paragraph(p.title() + " from " + p.providerName() + ": " + p.quantity() + " "
                    + p.unit() + " " + p.frequency().label() + " at " + Money.format(p.unitPricePence()) + " per "
                    + p.unit() + ", proposed by " + p.proposedByName() + "."), times, errors.formMessage(), check, cost,
                    confirm);
        }

        private Booking booking() {
            // a proposal declined by the provider can be booked again, so the key is per showing
            return new Booking(holder.id(), proposal.listingId(), proposal.quantity(),
                    Booking.Frequency.valueOf(proposal.frequency().name()),
                    times.getValue() == null ? 0 : times.getValue(), start(), null,
                    "proposal-" + proposal.id() + "-" + requestKey, proposal.id());
        }

        /**
         * The proposed start, or if that has passed the same day of the week next coming: the broker
         * chose a day the service runs, and a week on it still does.
         */
        private LocalDate start() {
            LocalDate today = UkTime.today(clock);
            LocalDate start = proposal.startDate();
            while (start.isBefore(today)) {
                start = start.plusWeeks(1);
            }
            return start;
        }

        private void show(BookingPreview preview) {
            cost.removeAll();
            cost.add(new Paragraph("Starting on " + UkTime.day(start()) + ". " + Money.format(preview.totalPence())
                    + " in all, set aside now: "
                    + preview.split().stream().filter(part -> part.pence() > 0)
                            .map(part -> part.stream().label() + " " + Money.format(part.pence()))
                            .collect(java.util.stream.Collectors.joining(", ")) + "."));
            preview.splitNotes().forEach(note -> cost.add(BookingActions.splitNote(note)));
            preview.problems().forEach(problem -> cost.add(new Paragraph(problem)));
            shown = preview.canBook() ? preview : null;
            confirm.setVisible(preview.canBook());
        }

        private void check() {
            errors.clear();
            try {
                show(bookings.preview(booking()));
            } catch (ValidationException e) {
                errors.show(e);
            }
        }

        private void confirm() {
            errors.clear();
            try {
                bookings.book(booking(), shown);
                Notification.show("Booked.", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (CostChangedException e) {
                show(e.now());
                errors.show(e);
            } catch (ValidationException e) {
                // refused: the cost shown and its Confirm button no longer hold
                shown = null;
                confirm.setVisible(false);
                cost.removeAll();
                cost.add(new Paragraph("Nothing was booked and no money was set aside."));
                errors.show(e);
            }
        }
    }

    /** This budget period's bookings added up: spent and set aside are the budget page's own figures. */
    private static Component totals(List<Purchase> all) {
        long booked = all.stream().mapToLong(Purchase::totalPence).sum();
        long spent = all.stream().mapToLong(Purchase::spentPence).sum();
        long setAside = all.stream().mapToLong(Purchase::committedPence).sum();
        long back = all.stream().mapToLong(Purchase::releasedPence).sum();
        var card = Ui.card("This budget's bookings added up", Ui.facts(
                "Booked", Money.format(booked),
                "Spent", Money.format(spent),
                "Still set aside", Money.format(setAside),
                "Back in the budget", Money.format(back)));
        card.add(new Paragraph("Bookings made from the budget shown on the budget page. Booked is what was spent, "
                + "plus what is still set aside, plus what went back to the budget because it was declined, cancelled "
                + "or not delivered. Spent and still set aside are the budget page's own figures."));
        card.setId("purchase-totals");
        return card;
    }

    private static String units(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private Component card(Purchase p) {
        var card = Ui.card(p.title() + " from " + p.providerName(), Ui.facts(
                "Booked", p.quantity() + " " + p.unit() + (p.quantity() == 1 ? "" : "s") + " " + p.frequency().label()
                        + (p.occurrences() > 1 ? " for " + p.occurrences() + (p.frequency() == Booking.Frequency.WEEKLY
                        ? " weeks" : " months") : "") + ", from " + UkTime.day(p.startDate()),
                "Price", Money.format(p.unitPricePence()) + " per " + p.unit() + ", " + Money.format(p.totalPence())
                        + " in all",
                "Status", status(p),
                "Delivered", p.unitsDelivered() + " of " + units(p.unitsBooked(), p.unit()),
                "Spent", Money.format(p.spentPence()),
                "Still set aside", Money.format(p.committedPence()),
                "Part of the support plan", p.planLine() == null || p.planLine().isBlank() ? "No"
                        : p.planLine()));
        card.addClassName("purchase");
        for (Invoice invoice : p.invoices()) {
            card.add(invoice(p, invoice));
        }
        if (canBuy && (p.status() == Purchase.Status.REQUESTED || p.status() == Purchase.Status.ACCEPTED)) {
            Button cancel = new Button("Cancel what is not delivered", click -> {
                try {
                    bookings.cancel(p.id());
                    Notification.show("Cancelled. The money set aside is back in the budget.", 5000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    render();
                } catch (ValidationException e) {
                    Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            cancel.setAriaLabel("Cancel " + p.title());
            card.add(cancel);
        }
        return card;
    }

    private Component invoice(Purchase p, Invoice invoice) {
        Div box = new Div(new H3("Invoice for " + invoice.units() + " " + p.unit() + (invoice.units() == 1 ? "" : "s")
                + ": " + Money.format(invoice.amountPence())));
        box.addClassName("invoice");
        box.add(new Paragraph(switch (invoice.status()) {
            case RAISED -> "Waiting for you to confirm it.";
            case DISPUTED -> "Disputed: " + invoice.disputeReason() + ". A commissioner will settle it.";
            case CONFIRMED -> "Confirmed" + (invoice.resolution() == null ? "" : ": " + invoice.resolution()) + ". "
                    + (invoice.paymentStatus() == null ? "" : invoice.paymentStatus() + ".");
            case REJECTED -> "Rejected: " + invoice.resolution();
        }));
        if (canBuy && invoice.status() == Invoice.Status.RAISED) {
            TextField reason = new TextField("What is wrong (to dispute it)");
            reason.setWidthFull();
            FormErrors errors = new FormErrors().field("reason", reason);
            Button confirm = new Button("Confirm the invoice", click -> {
                try {
                    invoices.confirm(invoice.id());
                    Notification.show("Confirmed. The provider is being paid.", 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    render();
                } catch (ValidationException e) {
                    errors.show(e);
                }
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setAriaLabel("Confirm the invoice for " + p.title());
            Button dispute = new Button("Dispute it", click -> {
                errors.clear();
                try {
                    invoices.dispute(invoice.id(), reason.getValue());
                    render();
                } catch (ValidationException e) {
                    errors.show(e);
                }
            });
            dispute.setAriaLabel("Dispute the invoice for " + p.title());
            Div actions = new Div(confirm, dispute);
            actions.addClassName("actions");
            box.add(reason, errors.formMessage(), actions);
        }
        return box;
    }

    static String status(Purchase p) {
        return switch (p.status()) {
            case REQUESTED -> "Waiting for the provider to accept";
            case ACCEPTED -> "Accepted by the provider";
            case DECLINED -> "Declined by the provider: " + p.declineReason() + ". The money is back in the budget.";
            case CANCELLED -> "Cancelled";
            // a rejected invoice completes a booking without paying it all: say where the money went
            case COMPLETED -> p.releasedPence() == 0 ? "Delivered and paid in full"
                    : "Finished: " + Money.format(p.spentPence()) + " paid, " + Money.format(p.releasedPence())
                            + " back in the budget";
        };
    }

    static UnorderedList lines(List<String> items) {
        UnorderedList list = new UnorderedList();
        items.forEach(i -> list.add(new ListItem(i)));
        return list;
    }
}
