package org.wholecare.security.ui;

import org.wholecare.security.SecurityProperties;
import org.wholecare.security.SignInGuard;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in – Wholecare")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    static final String TOO_MANY_TRIES = "There have been too many wrong tries from where you are. Wait a minute, "
            + "then try again.";

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authenticationContext;
    private final String wrongPassword;
    private final LoginI18n i18n;

    LoginView(AuthenticationContext authenticationContext, SecurityProperties properties) {
        this.authenticationContext = authenticationContext;
        addClassName("login-page");

        H1 title = new H1("Wholecare");
        Paragraph intro = new Paragraph("One budget for your health and social care. "
                + "Sign in with the username and password you chose from your invitation.");

        i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getForm().setPassword("Password");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("You are not signed in");
        // One message for every failure, so it never reveals whether a username exists.
        wrongPassword = "The username or password is not right. Check them and try again. After "
                + properties.maxFailedSignIns() + " wrong tries in a row the account is locked for "
                + properties.lockoutDuration().toMinutes() + " minutes, except on a computer or phone you have "
                + "signed in from before.";
        i18n.getErrorMessage().setMessage(wrongPassword);
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");

        Paragraph help = new Paragraph("Forgotten your password? Ask your administrator or the person who "
                + "set up your account for a new invitation link.");
        help.addClassName("login-help");
        Paragraph providers = new Paragraph();
        providers.add(new com.vaadin.flow.component.html.Span("Are you a care or health provider? "),
                new com.vaadin.flow.component.html.Anchor("register-provider", "Register your organisation"));
        Paragraph areas = new Paragraph();
        areas.add(new com.vaadin.flow.component.html.Span("Anyone can see how each area uses its budgets: "),
                new com.vaadin.flow.component.html.Anchor("areas", "How areas compare"));
        add(title, intro, form, help, providers, areas);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        // one message for every wrong password; another, saying nothing of any account, for too many tries
        i18n.getErrorMessage().setMessage(parameters.containsKey(SignInGuard.TOO_MANY) ? TOO_MANY_TRIES : wrongPassword);
        form.setI18n(i18n);
        form.setError(parameters.containsKey("error"));
    }
}
