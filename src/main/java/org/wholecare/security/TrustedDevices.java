package org.wholecare.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browsers a person has signed in from before, known by a cookie holding a random token (only its
 * hash is stored). Wrong passwords typed on any other browser lock the account for other browsers
 * only: whoever knows a username can no longer keep its owner out, and each trusted browser counts
 * its own wrong passwords. The OWASP "device cookies" pattern.
 */
@Component
class TrustedDevices {

    static final String COOKIE = "wholecare_device";
    private static final Duration KEPT_FOR = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final SecureRandom random = new SecureRandom();

    TrustedDevices(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A browser this account has signed in from, as it stands. */
    record Device(long id, int failedSignIns, @Nullable Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    Optional<Device> of(HttpServletRequest request, long accountId) {
        // a browser unused for a year is a stranger again
        Timestamp stillKnown = Timestamp.from(clock.instant().minus(KEPT_FOR));
        return token(request).flatMap(token -> jdbc.sql("SELECT id, failed_sign_ins, locked_until FROM trusted_device "
                        + "WHERE token_hash = ? AND account_id = ? AND last_used_at > ?")
                .params(hash(token), accountId, stillKnown)
                .query((rs, n) -> new Device(rs.getLong(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional());
    }

    /** A wrong password on this browser: after {@code max} in a row it is locked for a while. */
    void wrongPassword(Device device, int max, Duration lock, Instant now) {
        jdbc.sql("UPDATE trusted_device SET failed_sign_ins = failed_sign_ins + 1 WHERE id = ?").param(device.id())
                .update();
        jdbc.sql("UPDATE trusted_device SET locked_until = ?, failed_sign_ins = 0 WHERE id = ? AND failed_sign_ins >= ?")
                .params(Timestamp.from(now.plus(lock)), device.id(), max).update();
    }

    /** A successful sign-in: the browser is trusted from now on (a new cookie if it had none for this account). */
    void signedIn(HttpServletRequest request, @Nullable HttpServletResponse response, long accountId, Instant now) {
        Optional<Device> known = of(request, accountId);
        String token;
        if (known.isPresent()) {
            jdbc.sql("UPDATE trusted_device SET failed_sign_ins = 0, locked_until = NULL, last_used_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), known.get().id()).update();
            token = token(request).orElseThrow();
        } else {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            jdbc.sql("INSERT INTO trusted_device (account_id, token_hash, created_at, last_used_at) VALUES (?, ?, ?, ?)")
                    .params(accountId, hash(token), Timestamp.from(now), Timestamp.from(now)).update();
        }
        // each sign-in keeps the browser known for another year
        if (response != null) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path("/login").httpOnly(true)
                    .secure(request.isSecure()).sameSite("Lax").maxAge(KEPT_FOR).build().toString());
        }
    }

    /** A new password: no browser stays trusted (the old password may be why it was changed). */
    void forgetAll(long accountId) {
        jdbc.sql("DELETE FROM trusted_device WHERE account_id = ?").param(accountId).update();
    }

    private static Optional<String> token(@Nullable HttpServletRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                    && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
