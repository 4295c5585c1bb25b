package org.wholecare.payment.ui;

import org.wholecare.payment.Payouts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wholecare.purchase.Invoice;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.Purchase;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The commissioner settles disputed invoices and records payments made outside Stripe. */
@Route("commissioner/payments")
@PageTitle("Payments and disputes – Wholecare")
@Menu(title = "Payments and disputes", order = 40, icon = "vaadin:money")
@RolesAllowed(Roles.COMMISSIONER)
public class PaymentsAndDisputesView extends Main {

    private final Invoices invoices;
    private final Payouts payments;

    PaymentsAndDisputesView(Invoices invoices, Payouts payments) {
        this.invoices = invoices;
        this.payments = payments;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Payments and disputes"));
        var disputes = invoices.disputesInMyArea();
        var disputeCard = Ui.card("Disputed invoices (" + disputes.stream().mapToLong(p -> p.invoices().stream()
                .filter(i -> i.status() == Invoice.Status.DISPUTED).count()).sum() + ")");
        disputes.forEach(p -> p.invoices().stream().filter(i -> i.status() == Invoice.Status.DISPUTED)
                .forEach(i -> disputeCard.add(dispute(p, i))));
        if (disputes.isEmpty()) {
            disputeCard.add(new Paragraph("Nothing is disputed."));
        }
        var waiting = payments.waitingInMyArea();
        var paymentCard = Ui.card("Payments waiting (" + waiting.size() + ")", new Paragraph("Payments go through "
                + "Stripe when it is set up and the provider has connected an account. Record here a payment made "
                + "another way; statements show it as settled outside Stripe."));
        paymentCard.setId("payments-waiting");
        waiting.forEach(w -> paymentCard.add(payment(w)));
        add(disputeCard, paymentCard);
    }

    private Component dispute(Purchase p, Invoice i) {
        TextField resolution = new TextField("How it was settled");
        resolution.setWidthFull();
        FormErrors errors = new FormErrors().field("resolution", resolution);
        Button pay = new Button("Pay the invoice", click -> resolve(i, true, resolution, errors));
        pay.setAriaLabel("Pay the disputed invoice from " + p.providerName());
        Button reject = new Button("Reject the invoice", click -> resolve(i, false, resolution, errors));
        reject.setAriaLabel("Reject the disputed invoice from " + p.providerName());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div box = new Div(Ui.facts("Provider", p.providerName(), "For", p.holderName() + ": " + p.title(),
                "Invoice", i.units() + " " + p.unit() + "s, " + Money.format(i.amountPence()),
                "What is wrong", i.disputeReason()), resolution, errors.formMessage(), new Div(pay, reject));
        box.addClassName("dispute");
        return box;
    }

    private void resolve(Invoice i, boolean pay, TextField resolution, FormErrors errors) {
        errors.clear();
        try {
            invoices.resolveDispute(i.id(), pay, resolution.getValue());
            Notification.show(pay ? "Paid." : "Rejected.", 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (ValidationException e) {
            errors.show(e);
        }
    }

    private Component payment(Payouts.WaitingPayment w) {
        TextField note = new TextField("How it was paid");
        note.setWidthFull();
        note.setHelperText("For example 'BACS from the council, ref 4471'");
        FormErrors errors = new FormErrors().field("note", note);
        Button settled = new Button("Record as paid outside Stripe", click -> {
            errors.clear();
            try {
                payments.recordSettledOutside(w.id(), note.getValue());
                Notification.show("Recorded.", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        settled.setAriaLabel("Record the payment to " + w.providerName() + " as paid outside Stripe");
        Div box = new Div(Ui.facts("Provider", w.providerName(), "Amount", Money.format(w.amountPence()),
                "For", w.description(), "Status", w.status() + (w.lastError() == null ? "" : " (" + w.lastError() + ")")));
        if (w.canRecordOutside()) {
            box.add(note, errors.formMessage(), settled);
        } else {
            // paying it another way now could pay the provider twice
            box.add(new Paragraph("Stripe is still trying to make this payment. Wait for it: if Stripe cannot make "
                    + "it within a day, you can then record a payment made another way."));
        }
        box.addClassName("waiting-payment");
        return box;
    }
}
