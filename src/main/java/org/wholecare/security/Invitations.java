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
import org.springframework.beans.factory.ObjectProvider;
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
 * Invitations: the single-use links with which people choose their own password, for a new account
 * or a forgotten password. Only a hash of each link is kept.
 */
@Service
@Transactional(readOnly = true)
public class Invitations {

    private final UserAccountRepository accounts;
    private final InvitationRepository links;
    private final PasswordEncoder passwordEncoder;
    private final ObjectProvider<InvitationSender> invitationSender;
    private final TrustedDevices trustedDevices;
    private final SecurityProperties properties;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    Invitations(UserAccountRepository accounts, InvitationRepository links, PasswordEncoder passwordEncoder,
            ObjectProvider<InvitationSender> invitationSender, TrustedDevices trustedDevices, SecurityProperties properties,
            CurrentUser currentUser, Clock clock, @Value("${wholecare.public-url}") String publicUrl) {
        this.accounts = accounts;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.invitationSender = invitationSender;
        this.trustedDevices = trustedDevices;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
        return issue(accountId);
    }

    /** A new single-use link for the account, replacing any earlier unused one; callers check who may. */
    IssuedInvitation issue(long accountId) {
        UserAccount account = accounts.findById(accountId)
                .orElseThrow(() -> ValidationException.of("", "That account no longer exists."));
        SignedInUser caller = currentUser.find().orElse(null);
        if (caller != null && caller.role() == Role.COMMISSIONER
                && (!account.getRole().livesInArea() || !java.util.Objects.equals(account.getAreaId(), caller.areaId()))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Commissioners invite only budget holders and representatives in their area");
        }
        Instant now = clock.instant();
        links.expireOpenInvitations(account.getId(), now);
        byte[] tokenBytes = new byte[32];
        random.nextBytes(tokenBytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        Instant expiresAt = now.plus(properties.invitationValidity());
        links.save(new Invitation(account.getId(), hash(token), now, expiresAt,
                currentUser.find().map(SignedInUser::accountId).orElse(null)));
        var link = new InvitationLink(account.getId(), account.getFullName(), account.getUsername(),
                publicUrl + "/invitation/" + token, expiresAt);
        InvitationSender sender = invitationSender.getIfAvailable();
        java.util.Optional<String> sent = sender == null ? java.util.Optional.empty() : sender.send(link);
        return new IssuedInvitation(link, sent.orElse("No email can be sent to " + account.getFullName()
                + " from here. Give them this link yourself, by a safe route."), UkTime.dayAndTime(expiresAt),
                sent.isPresent());
    }

    /** Anyone holding a link may ask whether it still works: the unguessable token is the authority. */
    @PermitAll
    public InvitationCheck checkInvitation(@Nullable String token) {
        Instant now = clock.instant();
        return links.findByTokenHash(hash(token))
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
    public void acceptInvitation(@Nullable String token, @Nullable String password, @Nullable String confirmation) {
        Instant now = clock.instant();
        Invitation invitation = links.findByTokenHashForUpdate(hash(token))
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

    private static String hash(@Nullable String token) {
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
