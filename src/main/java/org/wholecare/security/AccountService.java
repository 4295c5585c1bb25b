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
    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,59}$");

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
