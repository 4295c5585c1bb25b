package org.wholecare.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole app, so tests can move time (lock-outs, invitation expiry) without sleeping. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        // the database keeps microseconds: a finer "now" would not compare equal to itself once stored
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
