package org.wholecare.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedSignIns     wrong passwords in a row before the account locks
 * @param lockoutDuration      how long it stays locked
 * @param invitationValidity   how long an invitation link works
 */
@ConfigurationProperties("wholecare.security")
record SecurityProperties(int maxFailedSignIns, Duration lockoutDuration, Duration invitationValidity) {
}
