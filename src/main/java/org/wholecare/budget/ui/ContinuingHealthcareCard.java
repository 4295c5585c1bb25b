package org.wholecare.budget.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.wholecare.budget.ContinuingHealthcare;
import org.wholecare.shell.Ui;

/**
 * On a person's page for commissioners: whether they are eligible for NHS continuing healthcare.
 * The NHS commissioner records it; the council's sees it.
 */
final class ContinuingHealthcareCard {

    private ContinuingHealthcareCard() {
    }

    static Component of(ContinuingHealthcare continuingHealthcare, long budgetId, String firstName, Runnable saved) {
        boolean eligible = continuingHealthcare.isEligible(budgetId);
        Paragraph now = new Paragraph(eligible ? firstName + " is recorded as eligible for NHS continuing healthcare."
                : firstName + " is not recorded as eligible for NHS continuing healthcare.");
        now.setId("continuing-healthcare-now");
        var card = Ui.card("NHS continuing healthcare", now);
        card.setId("continuing-healthcare");
        if (!continuingHealthcare.mayRecord()) {
            card.add(new Paragraph("The NHS commissioner records this. It is counted in the NHS's quarterly return."));
            return card;
        }
        Checkbox box = new Checkbox("Eligible for NHS continuing healthcare", eligible);
        box.setId("continuing-healthcare-eligible");
        Button save = new Button("Save the NHS decision", click -> {
            continuingHealthcare.record(budgetId, box.getValue());
            Notification.show(box.getValue() ? "Recorded: " + firstName + " is eligible for NHS continuing healthcare."
                    : "Recorded: " + firstName + " is not eligible for NHS continuing healthcare.", 5000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            saved.run();
        });
        save.setId("save-continuing-healthcare");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new Paragraph("Record the NHS's decision. It is counted in the NHS's quarterly return."), box, save);
        card.addClassName("form");
        return card;
    }
}
