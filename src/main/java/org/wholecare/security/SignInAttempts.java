package org.wholecare.security;

import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords in a row and locks the account for a while when there are too many. */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final UserAccountRepository accounts;
    private final SecurityProperties properties;
    private final Clock clock;

    SignInAttempts(UserAccountRepository accounts, SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        String username = normalise(event.getAuthentication().getName());
        var now = clock.instant();
        if (accounts.countFailedSignIn(username, now) > 0
                && accounts.lockIfTooManyFailures(username, properties.maxFailedSignIns(),
                        now.plus(properties.lockoutDuration())) > 0) {
            log.warn("Account {} locked for {} after {} wrong passwords in a row",
                    username, properties.lockoutDuration(), properties.maxFailedSignIns());
        }
    }

    @EventListener
    @Transactional
    public void onSignedIn(AuthenticationSuccessEvent event) {
        accounts.recordSuccessfulSignIn(normalise(event.getAuthentication().getName()), clock.instant());
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.UK);
    }
}
