package org.wholecare.security;

import static org.wholecare.TestArea.areaId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;
import org.wholecare.IntegrationTest;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;

/** The services refuse callers whose role may not do a thing, whatever the UI shows or hides. */
@IntegrationTest
class ServiceSecurityIT {

    @Autowired org.wholecare.security.ActingAs actingAs;

    /** Testford's id, read once before each test (never inside a lambda that expects a refusal). */
    private long area;

    @org.junit.jupiter.api.BeforeEach
    void findTheTestArea() {
        area = areaId(actingAs);
    }

    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired OrganisationService organisations;
    @Autowired UserAccountRepository repository;

    @Test
    @WithMockUser(roles = "BROKER")
    void aBrokerCannotListOrCreateAccountsOrOrganisations() {
        long before = repository.count();
        assertThatThrownBy(() -> accounts.accounts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("Eve", "eve", Role.ADMINISTRATOR,
                null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.issueInvitation(1L)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.createOrganisation("Eve's Care", OrganisationType.PROVIDER, area))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.countByTypeInArea(area)).isInstanceOf(AccessDeniedException.class);
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    @WithMockUser(roles = "COMMISSIONER")
    void aCommissionerSeesAreaCountsButNotTheAccountList() {
        assertThat(organisations.countByTypeInArea(area)).containsKey(OrganisationType.PROVIDER);
        assertThatThrownBy(() -> accounts.accounts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.countByRole()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInCanReadAnything() {
        assertThatThrownBy(() -> organisations.areas())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accounts.accounts())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
