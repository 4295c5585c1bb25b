package org.wholecare.security;

import org.jspecify.annotations.Nullable;
import org.wholecare.shared.UkTime;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * The first staff account of a provider that registers itself on the public page: the contact
 * chooses their password there, and the platform makes their username.
 */
@Service
@Transactional(readOnly = true)
public class FirstProviderAccounts {

    private final UserAccountRepository accounts;
    private final OrganisationService organisations;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FirstProviderAccounts(UserAccountRepository accounts, OrganisationService organisations,
            PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * The first staff account of a provider that has just registered itself, with the password
     * its contact chose on the registration page and a username made for them ({@code username}
     * null; only the platform itself, loading the demo, names one). Refused once the organisation
     * has any account.
     */
    /**
     * What {@link #createFirstProviderAccount} would refuse in the person's name and password, said
     * before anything is saved, so a registration form shows every problem at once.
     */
    @PermitAll
    public void checkFirstProviderAccount(@Nullable String fullName, @Nullable String password,
            @Nullable String confirmation) {
        var errors = new ValidationException.Collector();
        String cleanName = contactName(fullName, errors);
        PasswordRules.check(password, confirmation, newUsername(cleanName), errors);
        errors.throwIfAny();
    }

    /** The provider's contact's name, stripped, or a message at its field. */
    private static String contactName(@Nullable String fullName, ValidationException.Collector errors) {
        String cleanName = fullName == null ? "" : fullName.strip();
        if (cleanName.isEmpty()) {
            errors.add("contactName", "Enter your full name.");
        } else if (cleanName.length() > 200) {
            errors.add("contactName", "Your name must be 200 characters or fewer.");
        }
        return cleanName;
    }

    @PermitAll
    @Transactional
    public AccountSummary createFirstProviderAccount(long organisationId, @Nullable String fullName,
            @Nullable String username, @Nullable String password, @Nullable String confirmation,
            @Nullable String contactEmail) {
        OrganisationSummary organisation = organisations.findForRegistration(organisationId)
                .filter(o -> o.type() == org.wholecare.organisation.OrganisationType.PROVIDER)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not a provider"));
        if (accounts.countByOrganisationId(organisationId) > 0) {
            throw new org.springframework.security.access.AccessDeniedException("This provider already has accounts");
        }
        var errors = new ValidationException.Collector();
        String cleanName = contactName(fullName, errors);
        String cleanUsername;
        if (username == null) {
            // made for them rather than chosen, so the public form never says whose usernames exist
            cleanUsername = newUsername(cleanName);
        } else {
            if (!SystemActor.isAdministrator()) {
                throw new org.springframework.security.access.AccessDeniedException(
                        "Only the platform chooses a provider's first username");
            }
            cleanUsername = username.strip().toLowerCase(Locale.UK);
            if (!AccountService.USERNAME.matcher(cleanUsername).matches() || accounts.existsByUsername(cleanUsername)) {
                errors.add("username", "That username cannot be used.");
            }
        }
        PasswordRules.check(password, confirmation, cleanUsername, errors);
        errors.throwIfAny();
        UserAccount account = new UserAccount(cleanUsername, cleanName, Role.PROVIDER, organisationId,
                organisation.areaId(), null, clock.instant());
        account.setPasswordHash(passwordEncoder.encode(password), clock.instant());
        // the contact's address, so they hear when their checks are decided; one that is not an address is left out
        try {
            account.setEmail(YourDetails.checked(contactEmail));
        } catch (ValidationException e) {
            account.setEmail(null);
        }
        return AccountService.summary(accounts.save(account), clock.instant());
    }

    /** A name and four random digits (sam.taylor.4821): easy to read out, and never someone else's. */
    private String newUsername(String fullName) {
        String base = java.text.Normalizer.normalize(fullName, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (base.length() < 2) {
            base = "provider";
        }
        base = base.substring(0, Math.min(base.length(), 40)).replaceAll("\\.+$", "");
        while (true) {
            String candidate = base + "." + (1000 + random.nextInt(9000));
            if (!accounts.existsByUsername(candidate)) {
                return candidate;
            }
        }
    }

}
