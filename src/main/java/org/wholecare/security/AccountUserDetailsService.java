package org.wholecare.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserAccountRepository accounts;
    private final TrustedDevices devices;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository accounts, TrustedDevices devices, Clock clock) {
        this.accounts = accounts;
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // An account whose invitation has not been accepted has no password: it cannot sign in,
        // and is reported exactly like an unknown user so nobody learns which accounts exist.
        UserAccount account = accounts.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.UK))
                .filter(UserAccount::hasPassword)
                .orElseThrow(() -> new UsernameNotFoundException("No usable account"));
        Instant now = clock.instant();
        // a browser the person has signed in from before answers to its own lock, not the account's
        boolean locked = currentRequest().flatMap(request -> devices.of(request, account.getId()))
                .map(device -> device.lockedAt(now))
                .orElseGet(() -> account.isLockedAt(now));
        return new SignedInUser(account, now, locked);
    }

    /** A hash made the old way (bcrypt) is made again the current way, at the next sign-in. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.updatePasswordHash(user.getUsername(), newPassword);
        return user;
    }

    static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
