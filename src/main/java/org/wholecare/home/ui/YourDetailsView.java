package org.wholecare.home.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.wholecare.notification.EmailChoice;
import org.wholecare.notification.EmailPreferences;
import org.wholecare.security.YourDetails;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The person's own details: who they are, where Wholecare's emails go and which they get, their password. */
@Route("your-details")
@PageTitle("Your details – Wholecare")
@Menu(title = "Your details", order = 90, icon = "vaadin:user")
@PermitAll
public class YourDetailsView extends Main {

    private final YourDetails details;
    private final EmailPreferences preferences;
    private final AuthenticationContext authentication;

    YourDetailsView(YourDetails details, EmailPreferences preferences, AuthenticationContext authentication) {
        this.details = details;
        this.preferences = preferences;
        this.authentication = authentication;
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        YourDetails.Details me = details.mine();
        add(new H1("Your details"));
        var about = Ui.card("About you", Ui.facts("Name", me.fullName(), "Username", me.username(), "Role",
                me.role().label()));
        about.add(new Paragraph("If your name is wrong, ask whoever set up your account to change it."));
        add(about, emailCard(me), choiceCard(), passwordCard());
    }

    private com.vaadin.flow.component.Component emailCard(YourDetails.Details me) {
        EmailField email = new EmailField("Email address");
        email.setValue(me.email() == null ? "" : me.email());
        email.setHelperText("Wholecare tells you here when something waits for you. Leave it empty to get no emails.");
        email.setWidthFull();
        FormErrors errors = new FormErrors().field("email", email);
        Button save = new Button("Save your email address", click -> {
            errors.clear();
            try {
                details.changeMyEmail(email.getValue());
                done(email.getValue().isBlank() ? "Your email address is removed. You will get no emails."
                        : "Your email address is saved.");
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Your email address", email, errors.formMessage(), save);
        card.setId("your-email");
        card.addClassName("form");
        return card;
    }

    private com.vaadin.flow.component.Component choiceCard() {
        RadioButtonGroup<EmailChoice> choice = new RadioButtonGroup<>("Which emails do you want?");
        choice.setItems(EmailChoice.values());
        choice.setItemLabelGenerator(EmailChoice::label);
        choice.setValue(preferences.mine());
        FormErrors errors = new FormErrors().field("choice", choice);
        Button save = new Button("Save your choice", click -> {
            errors.clear();
            try {
                preferences.changeMine(choice.getValue());
                done("Your choice is saved: " + choice.getValue().label().toLowerCase(java.util.Locale.UK) + ".");
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Which emails you get", new Paragraph("Emails say only that something waits for you and "
                + "link to it. Details of care and money stay here, behind your sign-in."), choice,
                errors.formMessage(), save);
        card.setId("email-choice");
        card.addClassName("form");
        return card;
    }

    private com.vaadin.flow.component.Component passwordCard() {
        PasswordField current = new PasswordField("Your current password");
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least 10 characters. Three random words make a good one.");
        PasswordField confirmation = new PasswordField("Type the new password again");
        FormErrors errors = new FormErrors().field("current", current).field("password", password)
                .field("confirmation", confirmation);
        Button change = new Button("Change your password", click -> {
            errors.clear();
            try {
                details.changeMyPassword(current.getValue(), password.getValue(), confirmation.getValue());
                Notification.show("Your password is changed. Sign in again with your new password.", 8000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                // the new password ended every session the old one opened, this one too
                authentication.logout();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Change your password", current, password, confirmation, errors.formMessage(), change);
        card.setId("change-password");
        card.addClassName("form");
        return card;
    }

    private void done(String message) {
        Notification.show(message, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        render();
    }
}
