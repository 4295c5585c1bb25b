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

/** People's accounts: made by administrators, commissioners and providers, counted, and named. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,59}$");

    private final UserAccountRepository accounts;
    private final InvitationRepository links;
    private final Invitations invitations;
    private final OrganisationService organisations;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountService(UserAccountRepository accounts, InvitationRepository links, Invitations invitations,
            OrganisationService organisations, PasswordEncoder passwordEncoder, CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.invitations = invitations;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<AccountSummary> accounts() {
        Instant now = clock.instant();
        return accounts.findAllByOrderByFullName().stream().map(a -> summary(a, now)).toList();
    }

    /**
     * Administrators create any account; commissioners create budget holders and representatives
     * in their own area only.
     */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.COMMISSIONER})
    @Transactional
    public AccountSummary createAccount(NewAccount request) {
        return create(request);
    }

    /**
     * A provider's staff member invites a colleague to their own organisation: a provider account,
     * never any other role or organisation, with the same invitation link as any new account.
     */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public IssuedInvitation inviteColleague(@Nullable String fullName, @Nullable String username) {
        SignedInUser caller = currentUser.require();
        AccountSummary colleague = create(new NewAccount(fullName, username, Role.PROVIDER, caller.organisationId(),
                null, null));
        return invitations.issue(colleague.id());
    }

    private AccountSummary create(NewAccount request) {
        SignedInUser caller = currentUser.find().orElse(null);
        if (caller != null && caller.role() == Role.COMMISSIONER
                && (request.role() == null || !request.role().livesInArea()
                        || !java.util.Objects.equals(request.areaId(), caller.areaId()))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Commissioners create accounts only for budget holders and representatives in their area");
        }
        var errors = new ValidationException.Collector();
        String fullName = request.fullName() == null ? "" : request.fullName().strip();
        if (fullName.isEmpty()) {
            errors.add("fullName", "Enter the person's full name.");
        } else if (fullName.length() > 200) {
            errors.add("fullName", "The name must be 200 characters or fewer.");
        }
        String username = request.username() == null ? "" : request.username().strip().toLowerCase(Locale.UK);
        if (username.isEmpty()) {
            errors.add("username", "Enter a username, for example sam.taylor.");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "Use 3 to 60 letters, numbers, dots, hyphens or @, starting with a letter or number.");
        } else if (accounts.existsByUsername(username)) {
            errors.add("username", "That username is taken. Choose another.");
        }
        Role role = request.role();
        Place place = place(request, errors);
        Long areaId = place.areaId();
        String district = place.district();
        String email = null;
        try {
            email = YourDetails.checked(request.email());
        } catch (ValidationException e) {
            e.fieldErrors().forEach(errors::add);
        }
        errors.throwIfAny();
        UserAccount account = new UserAccount(username, fullName, role,
                role.belongsToOrganisation() ? request.organisationId() : null, areaId, district, clock.instant());
        account.setEmail(email);
        UserAccount saved = accounts.save(account);
        return summary(saved, clock.instant());
    }

    /** Where an account belongs: its organisation's area, or the area and district where the person lives. */
    private record Place(@Nullable Long areaId, @Nullable String district) {
    }

    private Place place(NewAccount request, ValidationException.Collector errors) {
        Role role = request.role();
        Long areaId = request.areaId();
        String district = null;
        if (role == null) {
            errors.add("role", "Choose what this person does in Wholecare.");
        } else if (role.belongsToOrganisation()) {
            OrganisationSummary organisation = request.organisationId() == null ? null
                    : organisations.organisation(request.organisationId()).orElse(null);
            if (organisation == null) {
                errors.add("organisation", "Choose the organisation this person works for.");
            } else if (!role.organisationTypes().contains(organisation.type())) {
                errors.add("organisation", "A " + role.label().toLowerCase(Locale.UK) + " must work for a "
                        + String.join(" or ", role.organisationTypes().stream()
                                .map(t -> t.label().toLowerCase(Locale.UK)).toList())
                        + ". " + organisation.name() + " is a " + organisation.type().label().toLowerCase(Locale.UK) + ".");
            } else {
                areaId = organisation.areaId();
            }
        } else if (role.livesInArea()) {
            if (areaId == null || organisations.area(areaId).isEmpty()) {
                errors.add("area", "Choose the area where the person lives.");
            } else {
                district = OrganisationService.normaliseDistrict(request.postcodeDistrict());
                if (district.isEmpty()) {
                    if (role == Role.BUDGET_HOLDER) {
                        errors.add("postcodeDistrict", "Enter the first part of the person's postcode, such as NB4.");
                    }
                    district = null;
                } else if (!organisations.isDistrictInArea(district, areaId)) {
                    errors.add("postcodeDistrict", (district.length() <= 12 ? district : "That") + " is not a postcode district of this area. "
                            + "Check the first part of the postcode.");
                }
            }
        } else {
            areaId = null;
        }
        return new Place(areaId, district);
    }

    /**
     * A representative's account, made when a budget holder invites a carer or a commissioner records
     * a deputy or attorney. The consent feature checks who may; the account itself can do nothing
     * until a grant lets it act for someone.
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.COMMISSIONER})
    @Transactional
    public AccountSummary createRepresentativeFor(long areaId, @Nullable String fullName, @Nullable String username) {
        SignedInUser caller = currentUser.require();
        if (!java.util.Objects.equals(caller.areaId(), areaId)) {
            throw new org.springframework.security.access.AccessDeniedException("Not your area");
        }
        return createAccount(new NewAccount(fullName, username, Role.REPRESENTATIVE, null, areaId, null));
    }

    /** Names of the people behind account ids, for showing who acted. Names are not sensitive. */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> fullNames(java.util.Collection<Long> accountIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        accounts.findAllById(accountIds).forEach(a -> names.put(a.getId(), a.getFullName()));
        return names;
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
            if (!USERNAME.matcher(cleanUsername).matches() || accounts.existsByUsername(cleanUsername)) {
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
        return summary(accounts.save(account), clock.instant());
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

    @RolesAllowed(Roles.ADMINISTRATOR)
    public Map<Role, Long> countByRole() {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, accounts.countByRole(role));
        }
        return counts;
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public long countWaitingForPassword() {
        return accounts.countByPasswordHashIsNull();
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public long countOpenInvitations() {
        return links.countOpen(clock.instant());
    }

    @RolesAllowed({Roles.ADMINISTRATOR, Roles.COMMISSIONER})
    public long countInArea(Role role, long areaId) {
        return accounts.countByRoleAndAreaId(role, areaId);
    }

    /** How many colleagues share the caller's organisation (the caller included). */
    @RolesAllowed({Roles.BROKER, Roles.PROVIDER, Roles.COMMISSIONER})
    public long countColleagues() {
        Long organisationId = currentUser.require().organisationId();
        return organisationId == null ? 0 : accounts.countByOrganisationId(organisationId);
    }

    static AccountSummary summary(UserAccount a, Instant now) {
        String status;
        if (a.isDisabled()) {
            status = "Disabled on " + UkTime.dayAndTime(a.getDisabledAt()) + ": cannot sign in";
        } else if (!a.hasPassword()) {
            status = "Invited: waiting for them to set a password";
        } else if (a.isLockedAt(now)) {
            status = "Locked until " + UkTime.dayAndTime(a.getLockedUntil()) + " after too many wrong passwords";
        } else {
            status = "Active";
        }
        return new AccountSummary(a.getId(), a.getUsername(), a.getFullName(), a.getRole(), a.getOrganisationId(),
                a.getAreaId(), a.getPostcodeDistrict(), status, a.getLastSignInAt(), a.isDisabled());
    }

}
