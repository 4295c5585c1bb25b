package org.wholecare.security;

import static org.wholecare.TestArea.AREA;

import static org.wholecare.TestArea.HOLDER;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wholecare.security.WebClient.location;
import static org.wholecare.security.WebClient.signedIn;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.organisation.OrganisationService;

/**
 * The sign-in form over HTTP, as browsers post it: only from our own page, a handful of wrong tries
 * a minute from one address, and a person's own browser never locked out by someone else's guesses.
 */
@IntegrationTest
class SignInProtectionIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "lantern orchard velvet";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired OrganisationService organisations;
    @Autowired TestClock clock;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String username;

    @BeforeEach
    void anAccountAndAFreshMinute() {
        // every address starts with its full allowance
        clock.advance(Duration.ofMinutes(2));
        username = "signin." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
        SystemActor.asAdministrator(() -> {
            long area = organisations.areas().stream().filter(a -> a.name().equals(AREA)).findFirst()
                    .orElseThrow().id();
            AccountSummary account = accounts.createAccount(new NewAccount("Sign In Test", username,
                    Role.BUDGET_HOLDER, null, area, "TF4"));
            invitations.acceptInvitation(AccountsAndInvitationsIT.token(invitations.issueInvitation(account.id())), PASSWORD,
                    PASSWORD);
            return null;
        });
    }

    private WebClient from(String address) {
        return new WebClient(port, address);
    }

    @Test
    void anotherSiteCannotSignSomeoneInWithItsOwnForm() {
        WebClient browser = from("203.0.113.10");
        assertThat(browser.signIn(username, PASSWORD, "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(browser.signIn(username, PASSWORD, null).statusCode()).as("no Origin, no Sec-Fetch-Site")
                .isEqualTo(403);
        assertThat(signedIn(browser.signIn(username, PASSWORD))).as("from our own page").isTrue();
    }

    @Test
    void oneAddressGetsAHandfulOfWrongTriesAMinuteWhicheverUsernamesItTries() {
        WebClient sprayer = from("203.0.113.20");
        for (int i = 1; i <= 5; i++) {
            assertThat(location(sprayer.signIn("someone." + i, "Password1"))).endsWith("/login?error");
        }
        // the sixth is not even checked, though it is right
        HttpResponse<String> sixth = sprayer.signIn(username, PASSWORD);
        assertThat(location(sixth)).endsWith("/login?error&" + SignInGuard.TOO_MANY);
        // another address is not held up
        assertThat(signedIn(from("203.0.113.21").signIn(username, PASSWORD))).isTrue();
        // nor is the same post spelt another way, which the server reads as /login all the same
        assertThat(signedIn(sprayer.signIn("/%6cogin", username, PASSWORD, "http://localhost:" + port))).isFalse();
        assertThat(signedIn(from("203.0.113.22").signIn("/%6cogin", username, PASSWORD, "https://evil.example")))
                .as("nor from another site's form").isFalse();
        // a try comes back every twelve seconds
        clock.advance(Duration.ofSeconds(13));
        assertThat(signedIn(sprayer.signIn(username, PASSWORD))).isTrue();
    }

    @Test
    void triesSentAllAtOnceStillGetOnlyTheirHandful() throws Exception {
        WebClient sprayer = from("203.0.113.40");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var answers = pool.invokeAll(java.util.stream.IntStream.range(0, 12)
                    .mapToObj(i -> (java.util.concurrent.Callable<String>) () -> location(sprayer.signIn("someone.at.once."
                            + i, "Password1"))).toList());
            long checked = 0;
            for (var answer : answers) {
                checked += answer.get().endsWith("/login?error") ? 1 : 0;
            }
            assertThat(checked).as("passwords actually checked").isLessThanOrEqualTo(5);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void someoneTypingYourUsernameCannotKeepYouOutOfYourOwnBrowser() {
        WebClient owner = from("198.51.100.7");
        assertThat(signedIn(owner.signIn(username, PASSWORD))).isTrue();
        assertThat(owner.cookie(TrustedDevices.COOKIE)).as("the browser is remembered").isPresent();

        WebClient attacker = from("203.0.113.30");
        for (int i = 1; i <= 5; i++) {
            assertThat(location(attacker.signIn(username, "guess " + i))).endsWith("/login?error");
        }
        // locked for every browser it does not know, even with the right password...
        clock.advance(Duration.ofMinutes(2));
        assertThat(signedIn(attacker.signIn(username, PASSWORD))).isFalse();
        assertThat(signedIn(from("203.0.113.31").signIn(username, PASSWORD))).isFalse();
        // ...but not for the owner's own
        assertThat(signedIn(owner.signIn(username, PASSWORD))).isTrue();
    }

    @Test
    void aRememberedBrowserCountsItsOwnWrongPasswords() {
        WebClient owner = from("198.51.100.8");
        assertThat(signedIn(owner.signIn(username, PASSWORD))).isTrue();
        for (int i = 1; i <= 5; i++) {
            assertThat(location(owner.signIn(username, "typo " + i))).endsWith("/login?error");
        }
        clock.advance(Duration.ofMinutes(2));
        assertThat(signedIn(owner.signIn(username, PASSWORD))).as("that browser is locked").isFalse();
        clock.advance(Duration.ofMinutes(14));
        assertThat(signedIn(owner.signIn(username, PASSWORD))).isTrue();
    }

    @Test
    void aLongPassphraseWorksAndAVeryLongWrongPasswordIsSimplyWrong() {
        String passphrase = "the quick brown fox jumps over the lazy dog while the kettle boils and the cat sleeps "
                + "on the warm windowsill in the afternoon sun";
        assertThat(passphrase.length()).isGreaterThan(72);
        SystemActor.asAdministrator(() -> {
            long id = accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().id();
            invitations.acceptInvitation(AccountsAndInvitationsIT.token(invitations.issueInvitation(id)), passphrase,
                    passphrase);
            return null;
        });
        WebClient browser = from("198.51.100.9");
        assertThat(signedIn(browser.signIn(username, passphrase))).isTrue();
        // 72 bytes are all bcrypt reads: the same beginning with another end must not do
        assertThat(signedIn(from("198.51.100.10").signIn(username, passphrase.substring(0, 80) + " and more"))).isFalse();
        HttpResponse<String> tooLong = from("198.51.100.11").signIn(HOLDER, "x".repeat(300));
        assertThat(tooLong.statusCode()).isEqualTo(302);
        assertThat(location(tooLong)).endsWith("/login?error");
    }

    @Test
    void aPasswordHashedTheOldWayStillWorksAndIsHashedAgainTheNewWay() {
        jdbc.update("UPDATE user_account SET password_hash = ? WHERE username = ?",
                "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD),
                username);
        assertThat(signedIn(from("198.51.100.12").signIn(username, PASSWORD))).isTrue();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = ?", String.class,
                username)).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        assertThat(signedIn(from("198.51.100.13").signIn(username, PASSWORD))).isTrue();
    }
}
