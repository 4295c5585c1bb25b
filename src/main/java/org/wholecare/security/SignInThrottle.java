package org.wholecare.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.wholecare.platform.SourceAddress;
import org.wholecare.platform.Throttle;

/**
 * Wrong sign-ins from one place: a handful a minute, whatever usernames they try, so nobody can try
 * a common password against every account. Counted per instance (README: more than one instance).
 */
@Component
class SignInThrottle {

    private final Throttle wrongTries;

    SignInThrottle(SecurityProperties properties, Clock clock) {
        this.wrongTries = new Throttle(properties.failedSignInsPerMinute(), Duration.ofMinutes(1), clock);
    }

    boolean mayTry(String remoteAddress) {
        return wrongTries.waitFor(SourceAddress.of(remoteAddress)).isZero();
    }

    void wrongTry(String remoteAddress) {
        wrongTries.tryAcquire(SourceAddress.of(remoteAddress));
    }
}
