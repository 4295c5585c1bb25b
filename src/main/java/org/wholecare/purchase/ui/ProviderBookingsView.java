package org.wholecare.purchase.ui;

import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.Invoice;
import org.wholecare.purchase.PayoutAccounts;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.purchase.Purchase;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The provider's bookings: accept or decline, record what was delivered, and invoice it. */
@Route("provider/bookings")
@PageTitle("Bookings – Wholecare")
@Menu(title = "Bookings", order = 15, icon = "vaadin:calendar-user")
@RolesAllowed(Roles.PROVIDER)
public class ProviderBookingsView extends Main {

    private final ProviderBookings providerBookings;
    private final PayoutAccounts payouts;

    private final String publicUrl;

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    ProviderBookingsView(java.time.Clock clock, ProviderBookings providerBookings, PayoutAccounts payouts,
            @org.springframework.beans.factory.annotation.Value("${wholecare.public-url}") String publicUrl) {
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.providerBookings = providerBookings;
        this.payouts = payouts;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Bookings"));
        add(stripeCard());
        var all = providerBookings.bookingsForMe();
        if (all.isEmpty()) {
            add(Ui.card("No bookings yet", new Paragraph("When someone books one of your listings it appears here.")));
        }
        all.forEach(p -> add(card(p)));
    }

    private Component stripeCard() {
        var account = payouts.mine();
        Paragraph text = new Paragraph(account.map(a -> "Payments go to your Stripe account " + a + ".")
                .orElse("Connect a Stripe account to be paid by bank transfer through Stripe when an invoice is "
                        + "confirmed. Until then your commissioner pays you another way."));
        Button connect = new Button(account.isPresent() ? "Finish or change Stripe details" : "Connect Stripe", click -> {
            try {
                String link = payouts.connect(publicUrl + "/provider/bookings");
                com.vaadin.flow.component.UI.getCurrent().getPage().setLocation(link);
            } catch (ValidationException e) {
                Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return Ui.card("Getting paid", text, connect);
    }

    private Component card(Purchase p) {
        var card = Ui.card(p.title() + " for " + p.holderName().split(" ")[0], Ui.facts(
                "Booked", p.quantity() + " " + p.unit() + (p.quantity() == 1 ? "" : "s") + " " + p.frequency().label()
                        + (p.occurrences() > 1 ? ", " + p.occurrences() + " times" : "") + ", from "
                        + UkTime.day(p.startDate()),
                "Price", Money.format(p.unitPricePence()) + " per " + p.unit() + ", " + Money.format(p.totalPence())
                        + " in all",
                "Status", PurchasesView.status(p),
                "Delivered", p.unitsDelivered() + " of " + p.unitsBooked() + (p.status() == Purchase.Status.ACCEPTED
                        ? " (" + p.unitsDueBy(UkTime.today(clock)) + " due by today)" : ""),
                "Invoiced", p.unitsInvoiced() + " of " + p.unitsDelivered() + " delivered"));
        card.addClassName("booking");
        p.invoices().forEach(i -> card.add(new Paragraph("Invoice for " + i.units() + ": " + Money.format(i.amountPence())
                + ", " + i.status().name().toLowerCase(Locale.UK) + (i.paymentStatus() == null ? ""
                : " (" + i.paymentStatus() + ")"))));
        if (p.status() == Purchase.Status.REQUESTED) {
            TextField reason = new TextField("Reason (to decline)");
            reason.setWidthFull();
            FormErrors errors = new FormErrors().field("reason", reason);
            Button accept = new Button("Accept", click -> act(() -> providerBookings.accept(p.id()), errors));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            accept.setAriaLabel("Accept the booking of " + p.title());
            Button decline = new Button("Decline", click -> act(() -> providerBookings.decline(p.id(), reason.getValue()), errors));
            decline.setAriaLabel("Decline the booking of " + p.title());
            card.add(reason, errors.formMessage(), new Div(accept, decline));
        }
        if (p.status() == Purchase.Status.ACCEPTED) {
            // only what is still to do: a box for delivery while some is undelivered, one for the
            // invoice while something delivered is not invoiced, each in its own row
            if (p.unitsDelivered() < p.unitsBooked()) {
                card.add(deliveryForm(p));
            }
            if (p.unitsInvoiced() < p.unitsDelivered()) {
                card.add(invoiceForm(p));
            }
            if (p.unitsDelivered() >= p.unitsBooked() && p.unitsInvoiced() >= p.unitsDelivered()) {
                card.add(new Paragraph("Everything booked has been delivered and invoiced."));
            }
        }
        return card;
    }

    private Component deliveryForm(Purchase p) {
        IntegerField units = new IntegerField(p.unit().substring(0, 1).toUpperCase(Locale.UK) + p.unit().substring(1)
                + "s delivered");
        units.setMin(1);
        DatePicker on = new DatePicker("Delivered on");
        on.setLocale(Locale.UK);
        on.setValue(UkTime.today(clock));
        FormErrors deliveryErrors = new FormErrors().field("units", units).field("deliveredOn", on);
        Button record = new Button("Record delivery", click -> act(() -> providerBookings.recordDelivery(p.id(),
                units.getValue() == null ? 0 : units.getValue(), on.getValue()), deliveryErrors));
        record.setAriaLabel("Record delivery of " + p.title());
        Div row = new Div(units, on, deliveryErrors.formMessage(), record);
        row.addClassName("booking-action");
        return row;
    }

    private Component invoiceForm(Purchase p) {
        IntegerField invoiceUnits = new IntegerField(p.unit().substring(0, 1).toUpperCase(Locale.UK)
                + p.unit().substring(1) + "s to invoice");
        invoiceUnits.setMin(1);
        FormErrors invoiceErrors = new FormErrors().field("units", invoiceUnits);
        Button invoice = new Button("Send the invoice", click -> act(() -> providerBookings.raiseInvoice(p.id(),
                invoiceUnits.getValue() == null ? 0 : invoiceUnits.getValue()), invoiceErrors));
        invoice.setAriaLabel("Send an invoice for " + p.title());
        Div row = new Div(invoiceUnits, invoiceErrors.formMessage(), invoice);
        row.addClassName("booking-action");
        return row;
    }

    private void act(Runnable action, FormErrors errors) {
        errors.clear();
        try {
            action.run();
            Notification.show("Done.", 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (ValidationException e) {
            errors.show(e);
        }
    }
}
