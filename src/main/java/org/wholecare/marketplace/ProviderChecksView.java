package org.wholecare.marketplace;

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
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The commissioner's verification queue: check each provider before its listings can be seen. */
@Route("commissioner/providers")
@PageTitle("Provider checks – Wholecare")
@Menu(title = "Provider checks", order = 30, icon = "vaadin:check-circle-o")
@RolesAllowed(Roles.COMMISSIONER)
public class ProviderChecksView extends Main {

    private final ProviderService providers;

    ProviderChecksView(ProviderService providers) {
        this.providers = providers;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Provider checks"), new Paragraph("Providers waiting to be checked come first. Check the CQC "
                + "registration on the CQC website where the services need one. Suspending a provider takes its "
                + "listings out of search at once; purchases already made are not changed."));
        for (ProviderProfile provider : providers.inMyArea()) {
            add(card(provider));
        }
    }

    private Component card(ProviderProfile p) {
        TextField reason = new TextField("Reason (needed to reject or suspend)");
        reason.setMaxLength(500);
        reason.setWidthFull();
        FormErrors errors = new FormErrors().field("reason", reason);
        Div actions = new Div();
        actions.addClassName("actions");
        if (p.status() != ProviderStatus.VERIFIED) {
            actions.add(decision(p, ProviderStatus.VERIFIED, "Verify", reason, errors));
        }
        if (p.status() == ProviderStatus.PENDING) {
            actions.add(decision(p, ProviderStatus.REJECTED, "Reject", reason, errors));
        }
        if (p.status() == ProviderStatus.VERIFIED) {
            actions.add(decision(p, ProviderStatus.SUSPENDED, "Suspend", reason, errors));
        }
        var card = Ui.card(p.name(), Ui.facts(
                "Status", p.status().label() + (p.statusReason() == null ? "" : ": " + p.statusReason()),
                "CQC registration", p.cqcNumber() == null ? "None given" : p.cqcNumber(),
                "Contact", p.contactName() + ", " + p.contactEmail() + (p.contactPhone() == null ? "" : ", " + p.contactPhone()),
                "Districts served", String.join(", ", p.districts())), reason, errors.formMessage(), actions);
        card.addClassName("provider-check");
        return card;
    }

    private Button decision(ProviderProfile p, ProviderStatus decision, String text, TextField reason, FormErrors errors) {
        Button button = new Button(text, click -> {
            try {
                providers.decide(p.organisationId(), decision, reason.getValue());
                Notification.show(p.name() + ": " + decision.label().toLowerCase(), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        button.setAriaLabel(text + " " + p.name());
        if (decision == ProviderStatus.VERIFIED) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }
}
