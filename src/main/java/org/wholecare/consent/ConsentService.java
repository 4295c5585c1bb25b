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
 * Consent, read and checked: other features check a grant through {@link #authorise} before every
 * read and write of a holder's records, and every use is written to the holder's access log. The
 * holder and their commissioners read the grants, their history and the log here; grants are
 * given, changed and withdrawn through {@link ConsentChanges}.
 */
@Service
@Transactional(readOnly = true)
public class ConsentService {

    private final ConsentGrants grants;
    private final HolderDirectory holders;
    private final BudgetAccess access;
    private final AccessLog log;
    private final Clock clock;

    ConsentService(ConsentGrants grants, HolderDirectory holders, BudgetAccess access, AccessLog log, Clock clock) {
        this.grants = grants;
        this.holders = holders;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    /** Who acts, for whom, and under which grant (none for the holder themselves and commissioners). */
    public record Authorised(HolderSummary holder, long actorAccountId, @Nullable Long grantId, ConsentScope scope) {
    }

    /**
     * Checks that the caller may do {@code action} for the holder now, records it in the holder's
     * access log, and refuses (recording that too) if not.
     */
    @PreAuthorize("isAuthenticated()")
    public Authorised authorise(long holderId, ConsentScope needed, String action) {
        HolderSummary holder = holders.byId(holderId)
                .orElseThrow(BudgetAccess::noAccess);
        BudgetAccess.Allowed allowed = access.require(holder, needed, action);
        return new Authorised(holder, allowed.user().accountId(), allowed.grantId(), allowed.scope());
    }

    /** The grant a check went through; empty for the holder themselves and commissioners. */
    public Optional<ConsentGrant> grantOf(Authorised who) {
        return who.grantId() == null ? Optional.empty() : grants.byId(who.grantId());
    }

    /**
     * What the caller may do for this holder today, so pages offer only the buttons that would work
     * (the services check again on every call). Reads nothing of the holder's records but the
     * caller's own grant, so it is not a look; empty if they may do nothing.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<ConsentScope> myScope(long holderId) {
        return holders.byId(holderId).flatMap(access::scopeOf);
    }

    /** Every grant the holder has made, in force first; for the holder and the area's commissioners. */
    @PreAuthorize("isAuthenticated()")
    public List<ConsentGrant> grants(long holderId) {
        HolderSummary holder = ownOrCommissioned(holderId);
        return grants.ofHolder(holder.id());
    }

    /** One step in a grant's history: given, changed or withdrawn, by whom and when. */
    public record GrantEvent(String what, ConsentScope scope, @Nullable LocalDate endsOn, String byName, Instant at) {
    }

    /** The history of each of the holder's grants, by grant id, oldest step first. */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, List<GrantEvent>> history(long holderId) {
        HolderSummary holder = ownOrCommissioned(holderId);
        Map<Long, List<GrantEvent>> byGrant = new LinkedHashMap<>();
        for (ConsentGrants.Event e : grants.eventsOfHolder(holder.id())) {
            String what = switch (e.event()) {
                case "GRANTED" -> "Given";
                case "CHANGED" -> "Changed";
                case "REVOKED" -> "Withdrawn";
                default -> e.event();
            };
            byGrant.computeIfAbsent(e.grantId(), id -> new java.util.ArrayList<>())
                    .add(new GrantEvent(what, e.scope(), e.endsOn(), e.actorName(), e.at()));
        }
        return byGrant;
    }

    /** Grants to the signed-in broker's brokerage or to the signed-in representative, in force today. */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    public List<ConsentGrant> grantsToMe() {
        SignedInUser user = access.user();
        LocalDate today = today();
        return grants.allForGrantee(user.accountId(), user.role() == Role.BROKER ? user.organisationId() : null)
                .stream().filter(g -> g.activeOn(today)).toList();
    }

    /** Who looked at or changed the holder's records; for the holder and the area's commissioners. */
    @PreAuthorize("isAuthenticated()")
    public List<AccessLogEntry> accessLog(long holderId) {
        HolderSummary holder = ownOrCommissioned(holderId);
        return log.forHolder(holder.id(), 500);
    }

    /** The holder themselves or a commissioner of their area; refused like a holder who does not exist. */
    HolderSummary ownOrCommissioned(long holderId) {
        SignedInUser user = access.user();
        HolderSummary holder = holders.byId(holderId)
                .orElseThrow(BudgetAccess::noAccess);
        boolean own = user.role() == Role.BUDGET_HOLDER && user.accountId() == holder.accountId();
        boolean commissioner = user.role() == Role.COMMISSIONER && Objects.equals(user.areaId(), holder.areaId());
        if (!own && !commissioner) {
            // word for word the refusal for a holder who does not exist
            throw BudgetAccess.noAccess();
        }
        return holder;
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }

    /**
     * Whether this person (or their organisation) may still act for the holder today: what decides
     * if they are told about the holder at all, so nobody whose consent ended hears of them again.
     */
    @jakarta.annotation.security.RolesAllowed(org.wholecare.shared.Roles.ADMINISTRATOR)
    public boolean actsFor(long holderId, long accountId, @Nullable Long organisationId) {
        java.time.LocalDate today = org.wholecare.shared.UkTime.today(clock);
        return grants.forGrantee(holderId, accountId, organisationId).stream()
                .anyMatch(g -> g.activeOn(today));
    }

    /** A grant in force that ends soon: to a named person, or to an organisation (a brokerage). */
    public record EndingGrant(long grantId, long holderId, @Nullable Long granteeAccountId,
            @Nullable Long granteeOrganisationId, java.time.LocalDate endsOn) {
    }

    /** Grants, in any area, not withdrawn and ending between these days: for the platform's reminders. */
    @jakarta.annotation.security.RolesAllowed(org.wholecare.shared.Roles.ADMINISTRATOR)
    public List<EndingGrant> endingBetween(java.time.LocalDate from, java.time.LocalDate to) {
        return grants.endingBetween(from, to).stream().map(g -> new EndingGrant(g.id(), g.holderId(),
                g.granteeAccountId(), g.granteeOrganisationId(), g.endsOn())).toList();
    }
}
