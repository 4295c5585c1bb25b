package org.wholecare.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedSignIns        wrong passwords in a row before the account locks (for browsers it
 *                                has not been signed in from before) or a trusted browser locks
 * @param lockoutDuration         how long it stays locked
 * @param invitationValidity      how long an invitation link works
 * @param failedSignInsPerMinute  wrong sign-ins one address may make a minute, whatever the username
 */
@ConfigurationProperties("wholecare.security")
public record SecurityProperties(int maxFailedSignIns, Duration lockoutDuration, Duration invitationValidity,
        @DefaultValue("5") int failedSignInsPerMinute) {
}
