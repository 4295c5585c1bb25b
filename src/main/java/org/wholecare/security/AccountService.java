package org.wholecare.security;

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

/** People's accounts, and the invitations with which they choose their own password. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,59}$");

    private final UserAccountRepository accounts;
    private final InvitationRepository invitations;
    private final OrganisationService organisations;
    private final PasswordEncoder passwordEncoder;
    private final InvitationSender invitationSender;
    private final TrustedDevices trustedDevices;
    private final SecurityProperties properties;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    AccountService(UserAccountRepository accounts, InvitationRepository invitations,
            OrganisationService organisations, PasswordEncoder passwordEncoder, InvitationSender invitationSender,
            TrustedDevices trustedDevices, SecurityProperties properties, CurrentUser currentUser, Clock clock,
            @Value("${wholecare.public-url}") String publicUrl) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.invitationSender = invitationSender;
        this.trustedDevices = trustedDevices;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
    public IssuedInvitation inviteColleague(String fullName, String username) {
        SignedInUser caller = currentUser.require();
        AccountSummary colleague = create(new NewAccount(fullName, username, Role.PROVIDER, caller.organisationId(),
                null, null));
        return invite(colleague.id());
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
                    errors.add("postcodeDistrict", district + " is not a postcode district of this area. "
                            + "Check the first part of the postcode.");
                }
            }
        } else {
            areaId = null;
        }
        errors.throwIfAny();
        UserAccount saved = accounts.save(new UserAccount(username, fullName, role,
                role.belongsToOrganisation() ? request.organisationId() : null, areaId, district, clock.instant()));
        return summary(saved, clock.instant());
    }

    /**
     * A representative's account, made when a budget holder invites a carer or a commissioner records
     * a deputy or attorney. The consent feature checks who may; the account itself can do nothing
     * until a grant lets it act for someone.
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.COMMISSIONER})
    @Transactional
    public AccountSummary createRepresentativeFor(long areaId, String fullName, String username) {
        SignedInUser caller = currentUser.require();
        if (!java.util.Objects.equals(caller.areaId(), areaId)) {
            throw new org.springframework.security.access.AccessDeniedException("Not your area");
        }
        return createAccount(new NewAccount(fullName, username, Role.REPRESENTATIVE, null, areaId, null));
    }

    /** The invitation link for a representative just made by {@link #createRepresentativeFor}. */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.COMMISSIONER})
    @Transactional
    public IssuedInvitation inviteRepresentative(long accountId) {
        UserAccount account = accounts.findById(accountId)
                .filter(a -> a.getRole() == Role.REPRESENTATIVE && a.getPasswordHash() == null)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not a new representative"));
        if (!java.util.Objects.equals(account.getAreaId(), currentUser.require().areaId())) {
            throw new org.springframework.security.access.AccessDeniedException("Not your area");
        }
        return issueInvitation(accountId);
    }

    /**
     * Issues a new single-use link for the person to choose a password, replacing any earlier
     * unused link. Also used when someone has forgotten their password.
     */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.COMMISSIONER})
    @Transactional
    public IssuedInvitation issueInvitation(long accountId) {
        return invite(accountId);
    }

    private IssuedInvitation invite(long accountId) {
        UserAccount account = accounts.findById(accountId)
                .orElseThrow(() -> ValidationException.of("", "That account no longer exists."));
        SignedInUser caller = currentUser.find().orElse(null);
        if (caller != null && caller.role() == Role.COMMISSIONER
                && (!account.getRole().livesInArea() || !java.util.Objects.equals(account.getAreaId(), caller.areaId()))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Commissioners invite only budget holders and representatives in their area");
        }
        Instant now = clock.instant();
        invitations.expireOpenInvitations(account.getId(), now);
        byte[] tokenBytes = new byte[32];
        random.nextBytes(tokenBytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        Instant expiresAt = now.plus(properties.invitationValidity());
        invitations.save(new Invitation(account.getId(), hash(token), now, expiresAt,
                currentUser.find().map(SignedInUser::accountId).orElse(null)));
        var link = new InvitationLink(account.getFullName(), account.getUsername(),
                publicUrl + "/invitation/" + token, expiresAt);
        return new IssuedInvitation(link, invitationSender.send(link), UkTime.dayAndTime(expiresAt));
    }

    /** Anyone holding a link may ask whether it still works: the unguessable token is the authority. */
    @PermitAll
    public InvitationCheck checkInvitation(String token) {
        Instant now = clock.instant();
        return invitations.findByTokenHash(hash(token))
                .map(invitation -> {
                    if (invitation.isUsed()) {
                        return InvitationCheck.unusable(USED);
                    }
                    if (invitation.isExpiredAt(now)) {
                        return InvitationCheck.unusable(EXPIRED);
                    }
                    return accounts.findById(invitation.getUserAccountId())
                            .map(a -> InvitationCheck.usable(a.getFullName(), a.getUsername()))
                            .orElse(InvitationCheck.unusable(UNKNOWN));
                })
                .orElse(InvitationCheck.unusable(UNKNOWN));
    }

    /** Sets the person's password from a link, once. The unguessable token is the authority. */
    @PermitAll
    @Transactional
    public void acceptInvitation(String token, String password, String confirmation) {
        Instant now = clock.instant();
        Invitation invitation = invitations.findByTokenHashForUpdate(hash(token))
                .orElseThrow(() -> ValidationException.of("", UNKNOWN));
        if (invitation.isUsed()) {
            throw ValidationException.of("", USED);
        }
        if (invitation.isExpiredAt(now)) {
            throw ValidationException.of("", EXPIRED);
        }
        UserAccount account = accounts.findById(invitation.getUserAccountId())
                .orElseThrow(() -> ValidationException.of("", UNKNOWN));
        var errors = new ValidationException.Collector();
        PasswordRules.check(password, confirmation, account.getUsername(), errors);
        errors.throwIfAny();
        account.setPasswordHash(passwordEncoder.encode(password), now);
        trustedDevices.forgetAll(account.getId());
        invitation.markUsed(now);
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
    @PermitAll
    @Transactional
    public AccountSummary createFirstProviderAccount(long organisationId, String fullName, String username,
            String password, String confirmation) {
        OrganisationSummary organisation = organisations.findForRegistration(organisationId)
                .filter(o -> o.type() == org.wholecare.organisation.OrganisationType.PROVIDER)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not a provider"));
        if (accounts.countByOrganisationId(organisationId) > 0) {
            throw new org.springframework.security.access.AccessDeniedException("This provider already has accounts");
        }
        var errors = new ValidationException.Collector();
        String cleanName = fullName == null ? "" : fullName.strip();
        if (cleanName.isEmpty()) {
            errors.add("contactName", "Enter your full name.");
        } else if (cleanName.length() > 200) {
            errors.add("contactName", "Your name must be 200 characters or fewer.");
        }
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
        return invitations.countOpen(clock.instant());
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

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static final String USED = "This link has already been used to set a password. Sign in with that password, "
            + "or ask your administrator for a new link if you have forgotten it.";
    static final String EXPIRED = "This link has expired. Ask your administrator to send you a new one.";
    static final String UNKNOWN = "This link does not work. Check that you copied all of it, "
            + "or ask your administrator for a new one.";
}
