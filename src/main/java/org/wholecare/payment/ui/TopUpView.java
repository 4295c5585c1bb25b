package org.wholecare.payment.ui;

import org.wholecare.payment.CardTopUps;
import org.wholecare.payment.StripeSettings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The holder adds their own money to the budget by card, on Stripe's payment page. */
@Route("add-money")
@PageTitle("Add money – Wholecare")
@Menu(title = "Add money", order = 13, icon = "vaadin:credit-card")
@RolesAllowed(Roles.BUDGET_HOLDER)
public class TopUpView extends Main implements BeforeEnterObserver {

    private final Paragraph outcome = new Paragraph();

    TopUpView(CardTopUps topUps, StripeSettings settings, @Value("${wholecare.public-url}") String publicUrl) {
        addClassName("page");
        outcome.getElement().setAttribute("role", "status");
        add(new H1("Add money"), outcome);
        if (!settings.enabled()) {
            add(Ui.card("Paying by card is not set up", new Paragraph("This service does not take card payments "
                    + "yet. Ask your council or NHS team how to add your own money to your budget.")));
            return;
        }
        TextField amount = new TextField("Amount (£)");
        amount.setHelperText("From £1.00 to £5,000.00. It goes into the private top-up part of your budget.");
        FormErrors errors = new FormErrors().field("amount", amount);
        Button pay = new Button("Pay by card", click -> {
            errors.clear();
            try {
                long pence = Money.parse(amount.getValue(), "amount");
                String checkout = topUps.startTopUp(pence, publicUrl + "/add-money");
                UI.getCurrent().getPage().setLocation(checkout);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(Ui.card("Pay by card", new Paragraph("You pay on Stripe's secure page. The money shows in your budget "
                + "once Stripe confirms the payment, usually within a minute."), new Paragraph("What it pays for: "
                + "when the NHS's or the council's part of your budget does not have enough left for something, your "
                + "own money pays the rest. The cost check shows you how much before you book."), amount,
                errors.formMessage(), pay));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String result = event.getLocation().getQueryParameters().getSingleParameter("top-up").orElse("");
        outcome.setText(switch (result) {
            case "done" -> "Thank you. Your payment is with Stripe; it appears in your budget once confirmed.";
            case "cancelled" -> "The payment was cancelled. Nothing was taken.";
            default -> "";
        });
        outcome.setVisible(!result.isEmpty());
    }
}
