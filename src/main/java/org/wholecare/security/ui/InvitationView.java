package org.wholecare.security.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.security.AccountService;
import org.wholecare.security.InvitationCheck;
import org.wholecare.security.Invitations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.wholecare.shared.ValidationException;

/** Where an invited person chooses their own password, once. */
@Route(value = "invitation", autoLayout = false)
@PageTitle("Choose your password – Wholecare")
@AnonymousAllowed
public class InvitationView extends Main implements HasUrlParameter<String> {

    private final AccountService accounts;
    private final Invitations invitations;
    private final Div content = new Div();
    private @Nullable String token;

    InvitationView(AccountService accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
        addClassName("login-page");
        add(new H1("Wholecare"), content);
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        this.token = token;
        InvitationCheck check = invitations.checkInvitation(token);
        content.removeAll();
        if (check.usable()) {
            showForm(check);
        } else {
            showProblem(check.problem());
        }
    }

    private void showForm(InvitationCheck check) {
        Paragraph greeting = new Paragraph("Hello " + check.fullName() + ". Choose a password to finish setting up "
                + "your account. Your username is " + check.username() + ".");
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH
                + " characters. Three random words make a strong password that is easy to remember.");
        password.setRequiredIndicatorVisible(true);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setWidthFull();
        PasswordField confirmation = new PasswordField("Type the password again");
        confirmation.setRequiredIndicatorVisible(true);
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setWidthFull();
        Paragraph formError = new Paragraph();
        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        Button save = new Button("Set my password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        save.addClickListener(click -> {
            password.setInvalid(false);
            confirmation.setInvalid(false);
            formError.setText("");
            try {
                invitations.acceptInvitation(token, password.getValue(), confirmation.getValue());
                content.removeAll();
                Paragraph done = new Paragraph("Your password is set. You can now sign in with your username "
                        + check.username() + " and your new password.");
                done.getElement().setAttribute("role", "status");
                content.add(done, new Anchor("login", "Go to sign in"));
            } catch (ValidationException e) {
                e.fieldErrors().forEach((field, message) -> {
                    switch (field) {
                        case "password" -> {
                            password.setErrorMessage(message);
                            password.setInvalid(true);
                        }
                        case "confirmation" -> {
                            confirmation.setErrorMessage(message);
                            confirmation.setInvalid(true);
                        }
                        default -> formError.setText(message);
                    }
                });
                if (password.isInvalid()) {
                    password.focus();
                } else if (confirmation.isInvalid()) {
                    confirmation.focus();
                }
            }
        });
        Div form = new Div(greeting, password, confirmation, formError, save);
        form.addClassName("card");
        content.add(form);
    }

    private void showProblem(String problem) {
        Paragraph message = new Paragraph(problem);
        message.getElement().setAttribute("role", "alert");
        message.addClassName("form-error");
        content.add(message, new Anchor("login", "Go to sign in"));
    }
}
