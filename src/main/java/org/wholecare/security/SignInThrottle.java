package org.wholecare.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.wholecare.platform.SourceAddress;
import org.wholecare.platform.Throttle;

/**
 * Sign-in tries from one place: a handful of wrong ones a minute, whatever usernames they try, so
 * nobody can try a common password against every account. A try is taken before the password is
 * checked (so tries sent at once cannot all slip through) and given back when it was right. A
 * browser the account's owner has signed in from before is not held up by others at its address
 * (an office behind one address). Counted per instance (README: more than one instance).
 */
@Component
class SignInThrottle {

    private static final String TAKEN = SignInThrottle.class.getName() + ".taken";

    private final Throttle tries;
    private final TrustedDevices devices;
    private final UserAccountRepository accounts;

    SignInThrottle(SecurityProperties properties, TrustedDevices devices, UserAccountRepository accounts, Clock clock) {
        this.tries = new Throttle("sign-in", properties.failedSignInsPerMinute(), Duration.ofMinutes(1), clock);
        this.devices = devices;
        this.accounts = accounts;
    }

    /** Takes a try for this sign-in, or says no; the owner's own browser always may. */
    boolean take(HttpServletRequest request) {
        String username = request.getParameter("username");
        boolean ownersBrowser = username != null && accounts.findByUsername(username.strip().toLowerCase(Locale.UK))
                .flatMap(account -> devices.of(request, account.getId())).isPresent();
        if (ownersBrowser) {
            return true;
        }
        if (!tries.tryAcquire(SourceAddress.of(request.getRemoteAddr()))) {
            return false;
        }
        request.setAttribute(TAKEN, Boolean.TRUE);
        return true;
    }

    /** The password was right: the try does not count against the address. */
    void signedIn(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(TAKEN))) {
            tries.giveBack(SourceAddress.of(request.getRemoteAddr()));
        }
    }
}
