package org.wholecare.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.shared.Roles;

/**
 * Who an email about something goes to, for the part of Wholecare that sends them: the people's
 * names and addresses (never shown to anyone else), and an organisation's staff. Switched-off
 * accounts and people with no address get nothing.
 */
@Service
@Transactional(readOnly = true)
public class AccountEmails {

    /** A person an email can go to, and the organisation they work for, if any. */
    public record Recipient(long accountId, String fullName, String email, @Nullable Long organisationId) {
    }

    private final UserAccountRepository accounts;

    AccountEmails(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The people among {@code accountIds} who can be emailed, in the order given. */
    @PreAuthorize("isAuthenticated()")
    public List<Recipient> recipients(Collection<Long> accountIds) {
        Map<Long, Recipient> found = new LinkedHashMap<>();
        for (UserAccount a : accounts.findAllById(accountIds)) {
            if (a.getEmail() != null && a.getDisabledAt() == null) {
                found.put(a.getId(), new Recipient(a.getId(), a.getFullName(), a.getEmail(), a.getOrganisationId()));
            }
        }
        return accountIds.stream().distinct().filter(found::containsKey).map(found::get).toList();
    }

    /** The accounts of an organisation's staff (a provider's, say), whether or not they gave an address. */
    @PreAuthorize("isAuthenticated()")
    public List<Long> staffOf(long organisationId) {
        return accounts.findByOrganisationId(organisationId).stream().filter(a -> a.getDisabledAt() == null)
                .map(UserAccount::getId).toList();
    }

    /** An administrator records someone's address for them (the demo's people have example ones). */
    @Transactional
    @RolesAllowed(Roles.ADMINISTRATOR)
    public void recordFor(long accountId, @Nullable String email) {
        accounts.findById(accountId).orElseThrow().setEmail(YourDetails.checked(email));
    }
}
