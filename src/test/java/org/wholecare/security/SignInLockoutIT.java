package org.wholecare.security;

import static org.wholecare.TestArea.AREA;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.organisation.OrganisationService;

/** The lock-out rules, through Spring Security's own authentication and events, on the real database. */
@IntegrationTest
class SignInLockoutIT {

    private static final String PASSWORD = "quiet meadow lamp";

    @Autowired UserDetailsService userDetails;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired OrganisationService organisations;
    @Autowired TestClock clock;
    @Autowired org.springframework.security.authentication.AuthenticationProvider appSignIn;

    ProviderManager signIn;
    String username;

    @BeforeEach
    void anAccountWithAPassword() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        signIn = new ProviderManager(provider);
        signIn.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        username = "lockout." + System.nanoTime();
        SystemActor.asAdministrator(() -> {
            long area = organisations.areas().stream().filter(a -> a.name().equals(AREA)).findFirst().orElseThrow().id();
            AccountSummary account = accounts.createAccount(
                    new NewAccount("Lockout Test", username, Role.BUDGET_HOLDER, null, area, "TF5"));
            invitations.acceptInvitation(AccountsAndInvitationsIT.token(invitations.issueInvitation(account.id())),
                    PASSWORD, PASSWORD);
            return null;
        });
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(PASSWORD)).isInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> attempt(PASSWORD)).isInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(attempt(PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void aLockedAccountIsToldOnlyAfterThePasswordIsCheckedSoItTakesTheSameTimeAsAnyWrongPassword() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
        }
        // the app's own sign-in: a wrong password on a locked account is just a wrong password...
        assertThatThrownBy(() -> appSignIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                "still wrong"))).isInstanceOf(BadCredentialsException.class);
        // ...and only the right one learns of the lock
        assertThatThrownBy(() -> appSignIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                PASSWORD))).isInstanceOf(LockedException.class);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(attempt(PASSWORD).isAuthenticated()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(attempt(PASSWORD).isAuthenticated()).as("4 + 4 failures with a success between do not lock")
                .isTrue();
    }

    @Test
    void anUnknownUsernameFailsExactlyLikeAWrongPassword() {
        assertThatThrownBy(() -> signIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("no.such.person", "whatever")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage(catchMessage("wrong"));
    }

    private String catchMessage(String password) {
        try {
            attempt(password);
            return "";
        } catch (BadCredentialsException e) {
            return e.getMessage();
        }
    }

    private org.springframework.security.core.Authentication attempt(String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
