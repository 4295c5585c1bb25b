package org.wholecare.security;

import static org.wholecare.TestArea.AREA;

import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.shared.ValidationException;

@IntegrationTest
@WithMockUser(roles = "ADMINISTRATOR")
class AccountsAndInvitationsIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired OrganisationService organisations;
    @Autowired UserAccountRepository repository;
    @Autowired UserDetailsService userDetails;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired TestClock clock;

    AreaSummary testford;

    @BeforeEach
    void findTestford() {
        testford = organisations.areas().stream().filter(a -> a.name().equals(AREA)).findFirst().orElseThrow();
    }

    @Autowired ActingAs actingAs;

    @Test
    void providerStaffInviteColleaguesToTheirOwnOrganisationOnly() {
        int n = SEQUENCE.incrementAndGet();
        IssuedInvitation issued = actingAs.run(HOME_CARE, () -> accounts.inviteColleague("Colleague " + n,
                "colleague." + n + "." + System.nanoTime() % 100_000));
        String username = issued.link().username();
        UserAccount colleague = repository.findByUsername(username).orElseThrow();
        UserAccount inviter = repository.findByUsername(HOME_CARE).orElseThrow();
        assertThat(colleague.getRole()).isEqualTo(Role.PROVIDER);
        assertThat(colleague.getOrganisationId()).isEqualTo(inviter.getOrganisationId());
        invitations.acceptInvitation(token(issued), "pelican harbour song", "pelican harbour song");
        assertThat(userDetails.loadUserByUsername(username).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_PROVIDER");

        // a taken username changes nothing; only provider staff may invite this way
        long before = repository.count();
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> accounts.inviteColleague("Someone", username)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("username"));
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> accounts.inviteColleague("Someone", "someone." + n)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void aNewAccountCannotSignInUntilItsInvitationIsAccepted() {
        AccountSummary account = holder();
        assertThat(account.status()).startsWith("Invited");
        assertThatThrownBy(() -> userDetails.loadUserByUsername(account.username()))
                .isInstanceOf(UsernameNotFoundException.class);

        String token = token(invitations.issueInvitation(account.id()));
        assertThat(invitations.checkInvitation(token).usable()).isTrue();
        invitations.acceptInvitation(token, "pelican harbour song", "pelican harbour song");

        var user = userDetails.loadUserByUsername(account.username());
        assertThat(passwordEncoder.matches("pelican harbour song", user.getPassword())).isTrue();
        assertThat(user.getPassword()).as("stored hashed, never as typed")
                .startsWith("{pbkdf2@SpringSecurity_v5_8}").doesNotContain("pelican");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_BUDGET_HOLDER");
    }

    @Test
    void anInvitationWorksOnceOnly() {
        AccountSummary account = holder();
        String token = token(invitations.issueInvitation(account.id()));
        invitations.acceptInvitation(token, "first password here", "first password here");
        String hashAfterFirstUse = repository.findById(account.id()).orElseThrow().getPasswordHash();

        assertThatThrownBy(() -> invitations.acceptInvitation(token, "second password here", "second password here"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already been used");
        assertThat(repository.findById(account.id()).orElseThrow().getPasswordHash()).isEqualTo(hashAfterFirstUse);
        assertThat(invitations.checkInvitation(token).usable()).isFalse();
    }

    @Test
    void anInvitationExpiresAndANewOneReplacesTheOld() {
        AccountSummary account = holder();
        String first = token(invitations.issueInvitation(account.id()));
        String second = token(invitations.issueInvitation(account.id()));
        assertThatThrownBy(() -> invitations.acceptInvitation(first, "some good password", "some good password"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("expired");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThatThrownBy(() -> invitations.acceptInvitation(second, "some good password", "some good password"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("expired");
        assertThat(repository.findById(account.id()).orElseThrow().hasPassword()).isFalse();
    }

    @Test
    void aWeakOrMistypedPasswordIsRefusedAndTheLinkStillWorks() {
        AccountSummary account = holder();
        String token = token(invitations.issueInvitation(account.id()));

        assertThatThrownBy(() -> invitations.acceptInvitation(token, "short", "short"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("password"));
        assertThatThrownBy(() -> invitations.acceptInvitation(token, account.username(), account.username()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors().get("password")).contains("must not be your username"));
        assertThatThrownBy(() -> invitations.acceptInvitation(token, "a long password one", "a long password two"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("confirmation"));
        assertThatThrownBy(() -> invitations.acceptInvitation("made-up-token", "a long password one", "a long password one"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("does not work");

        assertThat(repository.findById(account.id()).orElseThrow().hasPassword()).isFalse();
        assertThat(invitations.checkInvitation(token).usable()).isTrue();
    }

    @Test
    void badAccountDetailsAreRefusedFieldByFieldAndNothingIsSaved() {
        long before = repository.count();
        OrganisationSummary brokerage = organisations.organisations().stream()
                .filter(o -> o.type() == OrganisationType.BROKERAGE).findFirst().orElseThrow();

        assertThatThrownBy(() -> accounts.createAccount(new NewAccount(" ", HOLDER, Role.BUDGET_HOLDER,
                null, testford.id(), "ZZ9")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("fullName", "username", "postcodeDistrict");
                    assertThat(e.fieldErrors().get("username")).contains("taken");
                    assertThat(e.fieldErrors().get("postcodeDistrict")).contains("ZZ9");
                });
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("Pat Jones", "pat jones <script>",
                Role.PROVIDER, brokerage.id(), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("username", "organisation");
                    assertThat(e.fieldErrors().get("organisation")).contains("must work for a care or health provider");
                });
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("x".repeat(201), "pat.jones", null,
                null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("fullName", "role"));

        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void usernamesAreCaseInsensitiveAndUnique() {
        String username = "casey" + SEQUENCE.incrementAndGet();
        accounts.createAccount(new NewAccount("Casey One", username.toUpperCase(), Role.BUDGET_HOLDER, null,
                testford.id(), "tf1"));
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("Casey Two", username, Role.BUDGET_HOLDER,
                null, testford.id(), "TF1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taken");
        assertThat(repository.findByUsername(username).orElseThrow().getPostcodeDistrict()).isEqualTo("TF1");
    }

    private AccountSummary holder() {
        int n = SEQUENCE.incrementAndGet();
        return accounts.createAccount(new NewAccount("Test Holder " + n, "test.holder." + n, Role.BUDGET_HOLDER,
                null, testford.id(), "TF3"));
    }

    static String token(IssuedInvitation issued) {
        String url = issued.link().url();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
