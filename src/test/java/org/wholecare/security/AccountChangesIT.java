package org.wholecare.security;

import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.BROKERAGE_NAME;
import static org.wholecare.TestArea.COUNCIL_NAME;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;
import static org.wholecare.TestArea.HOME_CARE_NAME;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.security.WebClient.location;
import static org.wholecare.security.WebClient.signedIn;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.shared.ValidationException;

/** Leavers and movers: an administrator cuts an account off at once, restores it, or gives it a new post. */
@IntegrationTest
class AccountChangesIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "marble canyon whistle";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired AccountChanges changes;
    @Autowired OrganisationService organisations;
    @Autowired UserDetailsService userDetails;
    @Autowired ActingAs actingAs;
    @Autowired TestClock clock;

    private String username;
    private long accountId;

    @BeforeEach
    void aProviderStaffMemberWithAPassword() {
        clock.advance(Duration.ofMinutes(2));
        username = "mover." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
        accountId = SystemActor.asAdministrator(() -> {
            long riverside = organisation(HOME_CARE_NAME).id();
            AccountSummary account = accounts.createAccount(new NewAccount("Mo Ver", username, Role.PROVIDER, riverside,
                    null, null));
            invitations.acceptInvitation(AccountsAndInvitationsIT.token(invitations.issueInvitation(account.id())), PASSWORD,
                    PASSWORD);
            return account.id();
        });
    }

    private OrganisationSummary organisation(String name) {
        return SystemActor.asAdministrator(() -> organisations.organisations().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow());
    }

    /** A browser with a session open, as the person left it. */
    private WebClient signedInBrowser(String address) {
        WebClient browser = new WebClient(port, address);
        assertThat(signedIn(browser.signIn(username, PASSWORD))).isTrue();
        assertThat(browser.get("/").statusCode()).as("the session works").isEqualTo(200);
        // time passes between signing in and the change, as it always does outside a test
        clock.advance(Duration.ofSeconds(1));
        return browser;
    }

    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequestAndItCannotSignInUntilEnabled() {
        WebClient open = signedInBrowser("198.51.100.60");
        actingAs.run(ADMIN, () -> changes.disable(accountId, "Left Riverside at the end of November"));

        var next = open.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).endsWith("/login");
        assertThat(signedIn(new WebClient(port, "198.51.100.61").signIn(username, PASSWORD))).isFalse();
        assertThat(actingAs.run(ADMIN, () -> accounts.accounts()).stream().filter(a -> a.id() == accountId)
                .findFirst().orElseThrow().status()).startsWith("Disabled on");

        actingAs.run(ADMIN, () -> changes.enable(accountId));
        assertThat(signedIn(new WebClient(port, "198.51.100.62").signIn(username, PASSWORD))).isTrue();
        assertThat(actingAs.run(ADMIN, () -> changes.history(accountId))).extracting(AccountChanges.Change::what)
                .containsExactly("Enabled again", "Disabled: Left Riverside at the end of November");
    }

    @Test
    void aNewRoleOrOrganisationEndsTheOpenSessionsAndTheNextSignInHasIt() {
        WebClient open = signedInBrowser("198.51.100.63");
        long brokerage = organisation(BROKERAGE_NAME).id();
        actingAs.run(ADMIN, () -> changes.changeRole(accountId, Role.BROKER, brokerage));

        assertThat(location(open.get("/"))).endsWith("/login");
        assertThat(userDetails.loadUserByUsername(username).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_BROKER");
        assertThat(signedIn(new WebClient(port, "198.51.100.64").signIn(username, PASSWORD))).isTrue();
        assertThat(actingAs.run(ADMIN, () -> changes.history(accountId)).getFirst().what())
                .isEqualTo("Role changed from provider staff at " + HOME_CARE_NAME + " to broker at " + BROKERAGE_NAME);
    }

    @Test
    void aNewPasswordEndsEverySessionTheOldOneOpened() {
        WebClient open = signedInBrowser("198.51.100.65");
        String newPassword = "paper lighthouse meadow";
        SystemActor.asAdministrator(() -> {
            invitations.acceptInvitation(AccountsAndInvitationsIT.token(invitations.issueInvitation(accountId)), newPassword,
                    newPassword);
            return null;
        });
        assertThat(location(open.get("/"))).endsWith("/login");
        assertThat(signedIn(new WebClient(port, "198.51.100.66").signIn(username, newPassword))).isTrue();
    }

    @Test
    void theRulesAreSaidAtTheFieldAndChangeNothing() {
        long holderAccount = actingAs.run(ADMIN, () -> accounts.accounts()).stream()
                .filter(a -> a.username().equals(HOLDER)).findFirst().orElseThrow().id();
        long admin = actingAs.run(ADMIN, () -> accounts.accounts()).stream()
                .filter(a -> a.username().equals(ADMIN)).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> actingAs.run(ADMIN, () -> changes.disable(accountId, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        assertThatThrownBy(() -> actingAs.run(ADMIN, () -> changes.disable(admin, "Testing")))
                .hasMessageContaining("cannot disable your own account");
        assertThatThrownBy(() -> actingAs.run(ADMIN, () -> changes.changeRole(holderAccount, Role.BROKER, null)))
                .hasMessageContaining("keeps its role");
        long council = organisation(COUNCIL_NAME).id();
        assertThatThrownBy(() -> actingAs.run(ADMIN, () -> changes.changeRole(accountId, Role.PROVIDER, council)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors().get("organisation")).contains("is a council"));
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> changes.disable(accountId, "Not allowed")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(actingAs.run(ADMIN, () -> changes.history(accountId))).isEmpty();
        assertThat(signedIn(new WebClient(port, "198.51.100.67").signIn(username, PASSWORD))).isTrue();
    }
}
