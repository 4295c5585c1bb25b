package org.wholecare.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts wrong passwords: per address (a few a minute), per trusted browser, and per account for
 * every other browser, locking the account (or that browser) for a while when there are too many.
 * A successful sign-in makes the browser a trusted one.
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final UserAccountRepository accounts;
    private final TrustedDevices devices;
    private final SignInThrottle throttle;
    private final SecurityProperties properties;
    private final Clock clock;

    private final io.micrometer.core.instrument.Counter wrongPasswords;

    SignInAttempts(UserAccountRepository accounts, TrustedDevices devices, SignInThrottle throttle,
            SecurityProperties properties, Clock clock, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.wrongPasswords = io.micrometer.core.instrument.Counter.builder("wholecare.sign-in.failures")
                .description("Sign-ins refused for a wrong username or password").register(metrics);
        this.accounts = accounts;
        this.devices = devices;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        wrongPasswords.increment();
        Optional<HttpServletRequest> request = AccountUserDetailsService.currentRequest();
        String username = normalise(event.getAuthentication().getName());
        Instant now = clock.instant();
        Optional<UserAccount> account = accounts.findByUsername(username);
        Optional<TrustedDevices.Device> device = account.flatMap(a -> request.flatMap(r -> devices.of(r, a.getId())));
        if (device.isPresent()) {
            devices.wrongPassword(device.get(), properties.maxFailedSignIns(), properties.lockoutDuration(), now);
            return;
        }
        if (account.isPresent() && accounts.countFailedSignIn(username, now) > 0
                && accounts.lockIfTooManyFailures(username, properties.maxFailedSignIns(),
                        now.plus(properties.lockoutDuration())) > 0) {
            // the account id, not the username: a log is no place for who is being attacked by name
            log.warn("Account {} locked for {} after {} wrong passwords in a row from browsers it does not know",
                    account.get().getId(), properties.lockoutDuration(), properties.maxFailedSignIns());
        }
    }

    @EventListener
    @Transactional
    public void onSignedIn(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        Instant now = clock.instant();
        var attributes = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a : null;
        boolean trusted = attributes != null && devices.of(attributes.getRequest(), user.accountId()).isPresent();
        if (trusted) {
            // the owner's own browser: the lock for other browsers stays until it runs out
            accounts.recordSignIn(user.accountId(), now);
        } else {
            accounts.recordSuccessfulSignIn(normalise(user.getUsername()), now);
        }
        if (attributes != null) {
            throttle.signedIn(attributes.getRequest());
            devices.signedIn(attributes.getRequest(), attributes.getResponse(), user.accountId(), now);
        }
    }

    private static String normalise(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.UK);
    }
}
