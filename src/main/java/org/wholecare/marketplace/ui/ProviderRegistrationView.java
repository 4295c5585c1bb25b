package org.wholecare.marketplace.ui;

import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.RegisterProvider;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;

/** The public page where a care or health provider registers itself. */
@Route(value = "register-provider", autoLayout = false)
@PageTitle("Register as a provider – Wholecare")
@AnonymousAllowed
public class ProviderRegistrationView extends Main {

    ProviderRegistrationView(ProviderService providers, OrganisationService organisations,
            RegistrationThrottle throttle) {
        addClassName("login-page");
        add(new H1("Register as a provider"), new Paragraph("Care and health providers can list their services "
                + "on Wholecare. A commissioner checks every provider (and its CQC registration, where the services "
                + "need one) before its listings can be seen."));
        TextField name = new TextField("Organisation name");
        Select<AreaSummary> area = new Select<>();
        area.setLabel("Area you work in");
        area.setItemLabelGenerator(AreaSummary::name);
        var areas = organisations.areasForRegistration();
        area.setItems(areas);
        if (areas.size() == 1) {
            area.setValue(areas.getFirst());
        }
        TextField districts = new TextField("Postcode districts you serve");
        districts.setHelperText("Separated by commas, for example NB1, NB4");
        // short enough to read whole on a phone; the rest is in the helper text
        TextField cqc = new TextField("CQC number, if you have one");
        cqc.setHelperText("Your CQC registration number, needed for personal care and nursing, for example 1-123456789");
        TextField contact = new TextField("Your full name");
        EmailField email = new EmailField("Email address");
        TextField phone = new TextField("Phone number (optional)");
        PasswordField password = new PasswordField("Choose a password");
        password.setHelperText("At least 10 characters");
        PasswordField confirmation = new PasswordField("Type the password again");
        FormErrors errors = new FormErrors().field("name", name).field("area", area).field("postcodeDistricts", districts)
                .field("cqcNumber", cqc).field("contactName", contact).field("contactEmail", email)
                .field("contactPhone", phone).field("password", password)
                .field("confirmation", confirmation);
        Paragraph usernameNote = new Paragraph("We will give you a username when you register: your name and four "
                + "numbers, for example ivy.green.4821.");
        Div form = new Div(name, area, districts, cqc, contact, email, phone, usernameNote, password, confirmation,
                errors.formMessage());
        form.addClassNames("card", "form");
        Button register = new Button("Register", click -> {
            errors.clear();
            String from = com.vaadin.flow.server.VaadinService.getCurrentRequest().getRemoteAddr();
            if (!throttle.take(from)) {
                errors.show(org.wholecare.shared.ValidationException.of("", "Several organisations have been "
                        + "registered from where you are in the last hour. Try again later, or ask your commissioner."));
                return;
            }
            try {
                var registered = providers.register(new RegisterProvider(name.getValue(), area.getValue() == null
                        ? null : area.getValue().id(), districts.getValue(), cqc.getValue(), contact.getValue(),
                        email.getValue(), phone.getValue(), null, password.getValue(), confirmation.getValue()));
                showRegistered(name.getValue().strip(), registered.username());
            } catch (ValidationException e) {
                throttle.giveBack(from);
                errors.show(e);
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(register);
        add(form, new Anchor("login", "Already registered? Sign in"));
    }

    /** What a provider sees once registered: above all, the username they were given. */
    private void showRegistered(String organisationName, String assignedUsername) {
        removeAll();
        Paragraph done = new Paragraph("Thank you. " + organisationName + " is registered. You can "
                + "sign in now and prepare your listings; they will be seen once a commissioner has checked "
                + "your organisation.");
        done.getElement().setAttribute("role", "status");
        com.vaadin.flow.component.html.Span username = new com.vaadin.flow.component.html.Span(assignedUsername);
        username.setId("assigned-username");
        username.addClassName("assigned-username");
        Paragraph yours = new Paragraph("Your username is ");
        yours.add(username, new com.vaadin.flow.component.html.Span(". Write it down: you need it, with "
                + "your password, to sign in."));
        add(new H1("Registration received"), done, yours, new Anchor("login", "Go to sign in"));
    }
}
