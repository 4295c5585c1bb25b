package org.wholecare.marketplace.ui;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.wholecare.platform.SourceAddress;
import org.wholecare.platform.Throttle;

/**
 * The registration page is open to anyone: a few organisations an hour from one address, so nobody
 * can fill the commissioners' checks queue with invented providers.
 */
@Component
class RegistrationThrottle {

    private final Throttle registrations;

    RegistrationThrottle(Clock clock) {
        this.registrations = new Throttle("provider-registration", 3, Duration.ofHours(1), clock);
    }

    /** Takes one of the address's registrations before trying, so several sent at once cannot all pass. */
    boolean take(String remoteAddress) {
        return registrations.tryAcquire(SourceAddress.of(remoteAddress));
    }

    /** The registration was refused for what was typed: it does not count. */
    void giveBack(String remoteAddress) {
        registrations.giveBack(SourceAddress.of(remoteAddress));
    }
}
