package org.wholecare.consent;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;

import org.wholecare.shared.UkTime;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.LedgerService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * Consent given, changed and withdrawn: a budget holder lets a brokerage or a named carer or
 * representative act for them, with a scope and an end date, and withdraws it in one step;
 * commissioners record deputies and attorneys. Every step is kept in the grant's history.
 */
@Service
@Transactional(readOnly = true)
public class ConsentChanges {

    /** Grants last at most this long; the holder can renew. */
    public static final int MAX_YEARS = 2;

    private final ConsentGrants grants;
    private final HolderDirectory holders;
    private final BudgetAccess access;
    private final ConsentService consent;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final org.wholecare.security.Invitations invitations;
    private final Clock clock;

    ConsentChanges(ConsentGrants grants, HolderDirectory holders, BudgetAccess access, ConsentService consent,
            OrganisationService organisations, AccountService accounts, org.wholecare.security.Invitations invitations, Clock clock) {
        this.grants = grants;
        this.holders = holders;
        this.access = access;
        this.consent = consent;
        this.organisations = organisations;
        this.accounts = accounts;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** The brokerages of the holder's area, to choose from. */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    public List<OrganisationSummary> brokerages() {
        HolderSummary me = me();
        return organisations.organisationsInArea(me.areaId()).stream()
                .filter(o -> o.type() == OrganisationType.BROKERAGE).toList();
    }

    /** The holder lets a brokerage's brokers act for them; a brokerage that already has access has it changed. */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    @Transactional
    public ConsentGrant grantToBrokerage(@Nullable Long organisationId, @Nullable ConsentScope scope,
            @Nullable LocalDate endsOn) {
        HolderSummary me = me();
        var errors = new ValidationException.Collector();
        OrganisationSummary brokerage = organisationId == null ? null
                : organisations.organisation(organisationId).filter(o -> o.type() == OrganisationType.BROKERAGE)
                        .filter(o -> o.areaId() == me.areaId()).orElse(null);
        if (brokerage == null) {
            errors.add("brokerage", "Choose the brokerage you want to help you.");
        }
        checkScopeAndEnd(scope, endsOn, errors);
        errors.throwIfAny();
        SignedInUser user = access.user();
        LocalDate today = today();
        Optional<ConsentGrant> existing = grants.ofHolder(me.id()).stream()
                .filter(g -> Objects.equals(g.granteeOrganisationId(), brokerage.id()) && g.activeOn(today)).findFirst();
        if (existing.isPresent()) {
            grants.change(existing.get().id(), scope, endsOn, user.accountId(), clock.instant());
            return grants.byId(existing.get().id()).orElseThrow();
        }
        long id = grants.insert(me.id(), ConsentKind.BROKERAGE, brokerage.id(), null, null, scope, endsOn, null,
                user.accountId(), clock.instant());
        return grants.byId(id).orElseThrow();
    }

    /** What a new representative needs: their grant and the link to choose a password. */
    public record Invited(ConsentGrant grant, @Nullable IssuedInvitation invitation) {
    }

    /** The holder invites a named carer or representative, who gets an account and an invitation link. */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    @Transactional
    public Invited inviteRepresentative(@Nullable String fullName, @Nullable String username,
            @Nullable String relationship, @Nullable ConsentScope scope, @Nullable LocalDate endsOn) {
        HolderSummary me = me();
        var errors = new ValidationException.Collector();
        String how = relationship == null ? "" : relationship.strip();
        if (how.isEmpty()) {
            errors.add("relationship", "Say how they know you, for example 'my daughter' or 'my neighbour'.");
        } else if (how.length() > 100) {
            errors.add("relationship", "Keep this to 100 characters or fewer.");
        }
        checkScopeAndEnd(scope, endsOn, errors);
        AccountSummary account = null;
        try {
            account = accounts.createRepresentativeFor(me.areaId(), fullName, username);
        } catch (ValidationException e) {
            e.fieldErrors().forEach(errors::add);
        }
        errors.throwIfAny();
        long id = grants.insert(me.id(), ConsentKind.REPRESENTATIVE, null, account.id(), how, scope, endsOn, null,
                access.user().accountId(), clock.instant());
        return new Invited(grants.byId(id).orElseThrow(), invitations.inviteRepresentative(account.id()));
    }

    /** A commissioner records a court-appointed deputy or an attorney: purchase scope, no end date. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public Invited recordLegalAuthority(long holderId, @Nullable ConsentKind kind, @Nullable String fullName,
            @Nullable String username, @Nullable String documentReference) {
        HolderSummary holder = ownOrCommissioned(holderId);
        var errors = new ValidationException.Collector();
        if (kind == null || !kind.legalAuthority()) {
            errors.add("kind", "Choose whether this is a court-appointed deputy or an attorney.");
        }
        String reference = documentReference == null ? "" : documentReference.strip();
        if (reference.isEmpty()) {
            errors.add("documentReference", "Enter the reference of the court order or the registered power of attorney.");
        } else if (reference.length() > 100) {
            errors.add("documentReference", "Keep the reference to 100 characters or fewer.");
        }
        AccountSummary account = null;
        try {
            account = accounts.createRepresentativeFor(holder.areaId(), fullName, username);
        } catch (ValidationException e) {
            e.fieldErrors().forEach(errors::add);
        }
        errors.throwIfAny();
        long id = grants.insert(holder.id(), kind, null, account.id(), kind.label(), ConsentScope.PURCHASE, null,
                reference, access.user().accountId(), clock.instant());
        return new Invited(grants.byId(id).orElseThrow(), invitations.inviteRepresentative(account.id()));
    }

    /**
     * The holder gives access again to someone whose access has ended or was withdrawn: a new grant
     * to the same brokerage or the same person's existing account, so nobody needs a new username.
     * A person who never chose a password gets a fresh invitation link.
     */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    @Transactional
    public Invited giveAgain(long endedGrantId, @Nullable ConsentScope scope, @Nullable LocalDate endsOn) {
        ConsentGrant ended = ownGrant(endedGrantId);
        if (ended.kind().legalAuthority()) {
            throw ValidationException.of("", "A deputy's or attorney's authority comes from the court or the deed. "
                    + "Ask your commissioner.");
        }
        LocalDate today = today();
        boolean stillHasAccess = grants.ofHolder(ended.holderId()).stream().filter(g -> g.activeOn(today))
                .anyMatch(g -> sameGrantee(g, ended));
        if (stillHasAccess) {
            throw ValidationException.of("", ended.granteeName() + " already has access. Use Change to alter it.");
        }
        var errors = new ValidationException.Collector();
        checkScopeAndEnd(scope, endsOn, errors);
        errors.throwIfAny();
        long id = grants.insert(ended.holderId(), ended.kind(), ended.granteeOrganisationId(), ended.granteeAccountId(),
                ended.relationship(), scope, endsOn, null, access.user().accountId(), clock.instant());
        IssuedInvitation invitation = ended.granteeAccountId() != null
                && grants.waitingForPassword(ended.granteeAccountId())
                ? invitations.inviteRepresentative(ended.granteeAccountId()) : null;
        return new Invited(grants.byId(id).orElseThrow(), invitation);
    }

    /** The holder changes what a grant allows or when it ends. */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    @Transactional
    public ConsentGrant change(long grantId, @Nullable ConsentScope scope, @Nullable LocalDate endsOn) {
        ConsentGrant grant = ownGrant(grantId);
        if (grant.kind().legalAuthority()) {
            throw ValidationException.of("", "A deputy's or attorney's authority comes from the court or the deed, "
                    + "so it cannot be changed here. Ask your commissioner.");
        }
        if (!grant.activeOn(today())) {
            throw ValidationException.of("", "This access has already ended. Give it again instead.");
        }
        var errors = new ValidationException.Collector();
        checkScopeAndEnd(scope, endsOn, errors);
        errors.throwIfAny();
        grants.change(grantId, scope, endsOn, access.user().accountId(), clock.instant());
        return grants.byId(grantId).orElseThrow();
    }

    /**
     * Withdraws a grant at once: the next thing the grantee does is refused, even in a page they
     * already have open. Holders withdraw what they gave; deputies and attorneys are ended by a
     * commissioner of the area, when the court order or the power ends.
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.COMMISSIONER})
    @Transactional
    public void revoke(long grantId) {
        SignedInUser user = access.user();
        ConsentGrant grant = grants.byId(grantId).orElseThrow(() -> new AccessDeniedException("Not your grant"));
        HolderSummary holder = holders.byId(grant.holderId()).orElseThrow();
        if (user.role() == Role.BUDGET_HOLDER) {
            if (user.accountId() != holder.accountId()) {
                throw new AccessDeniedException("Not your grant");
            }
            if (grant.kind().legalAuthority()) {
                throw ValidationException.of("", "A deputy's or attorney's authority comes from the court or the "
                        + "deed, so it cannot be withdrawn here. Ask your commissioner.");
            }
        } else {
            access.requireCommissionerFor(holder.areaId());
        }
        if (grant.revokedAt() != null) {
            return;
        }
        grants.revoke(grant, user.accountId(), clock.instant());
    }

    private void checkScopeAndEnd(@Nullable ConsentScope scope, @Nullable LocalDate endsOn,
            ValidationException.Collector errors) {
        if (scope == null) {
            errors.add("scope", "Choose what they may do.");
        }
        LocalDate today = today();
        if (endsOn == null) {
            errors.add("endsOn", "Choose the last day they may act for you.");
        } else if (endsOn.isBefore(today)) {
            errors.add("endsOn", "The last day cannot be in the past.");
        } else if (endsOn.isAfter(today.plusYears(MAX_YEARS))) {
            errors.add("endsOn", "Choose a last day within " + MAX_YEARS + " years. You can renew it then.");
        }
    }

    private static boolean sameGrantee(ConsentGrant a, ConsentGrant b) {
        return Objects.equals(a.granteeOrganisationId(), b.granteeOrganisationId())
                && Objects.equals(a.granteeAccountId(), b.granteeAccountId());
    }

    private HolderSummary me() {
        SignedInUser user = access.user();
        return holders.byAccount(user.accountId())
                .orElseThrow(() -> new AccessDeniedException("Only budget holders can do this"));
    }

    private ConsentGrant ownGrant(long grantId) {
        HolderSummary me = me();
        return grants.byId(grantId).filter(g -> g.holderId() == me.id())
                .orElseThrow(() -> new AccessDeniedException("Not your grant"));
    }

    private HolderSummary ownOrCommissioned(long holderId) {
        return consent.ownOrCommissioned(holderId);
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }
}
