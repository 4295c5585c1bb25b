package org.wholecare.consent;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.HolderSummary;

import org.wholecare.shared.UkTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.RefusedException;

/**
 * Who may see or change a budget holder's records, checked on every read and write. Holders:
 * themselves. Commissioners: holders in their own area. Anyone else: only under a consent grant
 * from the holder that is in force today and wide enough for what they are doing. Everyone but
 * the holder is written to the holder's access log, refusals included.
 */
@Component
public class BudgetAccess implements org.wholecare.holder.HolderLooks {

    public static final String NO_ACCESS = RefusedException.NO_ACCESS_TO_RECORDS;

    /**
     * The refusal for a record that does not exist, word for word the one for a record someone may
     * not see, so the answer never tells which holder or budget numbers exist.
     */
    public static RefusedException noAccess() {
        return RefusedException.noAccessToRecords();
    }

    private final CurrentUser currentUser;
    private final ConsentGrants grants;
    private final AccessLog log;
    private final Clock clock;
    private final org.wholecare.holder.HolderDirectory holders;

    BudgetAccess(CurrentUser currentUser, ConsentGrants grants, AccessLog log, Clock clock,
            org.wholecare.holder.HolderDirectory holders) {
        this.holders = holders;
        this.currentUser = currentUser;
        this.grants = grants;
        this.log = log;
        this.clock = clock;
    }

    /** Who is acting, and the grant that allowed it (none for the holder and commissioners). */
    public record Allowed(SignedInUser user, @Nullable Long grantId, ConsentScope scope) {
    }

    @Override
    public void requireView(HolderSummary holder, String action) {
        require(holder, ConsentScope.VIEW, action);
    }

    public Allowed require(HolderSummary holder, ConsentScope needed, String action) {
        SignedInUser user = currentUser.require();
        if (user.role() == Role.BUDGET_HOLDER && user.accountId() == holder.accountId()) {
            return new Allowed(user, null, ConsentScope.PURCHASE);
        }
        if (user.role() == Role.COMMISSIONER) {
            if (Objects.equals(user.areaId(), holder.areaId())) {
                log.allowed(holder.id(), user, null, action);
                return new Allowed(user, null, ConsentScope.PURCHASE);
            }
            throw refuse(holder, user, null, action, "not a commissioner for this person's area", NO_ACCESS, true);
        }
        Long organisationId = user.role() == Role.BROKER ? user.organisationId() : null;
        List<ConsentGrant> theirs = grants.forGrantee(holder.id(), user.accountId(), organisationId);
        if (theirs.isEmpty()) {
            // the name is not repeated to someone who has never been given access
            throw refuse(holder, user, null, action, "no consent given", NO_ACCESS, true);
        }
        LocalDate today = UkTime.today(clock);
        Optional<ConsentGrant> inForce = theirs.stream().filter(g -> g.activeOn(today))
                .max(Comparator.comparing(ConsentGrant::scope));
        if (inForce.isEmpty()) {
            ConsentGrant latest = theirs.getFirst();
            String when = latest.revokedAt() != null
                    ? holder.fullName() + " withdrew your access on "
                            + UkTime.day(latest.revokedAt()) + "."
                    : "Your access to " + holder.fullName() + "'s records ended on " + UkTime.day(latest.endsOn()) + ".";
            throw refuse(holder, user, latest.id(), action, latest.revokedAt() != null ? "consent withdrawn"
                    : "consent ended", when + " Ask " + holder.fullName() + " if you need it again.", true);
        }
        ConsentGrant grant = inForce.get();
        if (!grant.scope().includes(needed)) {
            throw refuse(holder, user, grant.id(), action, "consent is to " + grant.scope().label() + " only",
                    holder.fullName() + " has given you access to " + grant.scope().allows() + ". To do this you "
                            + "need access to " + needed.label() + ", which only " + holder.fullName() + " can give.", false);
        }
        log.allowed(holder.id(), user, grant.id(), action);
        return new Allowed(user, grant.id(), grant.scope());
    }

    /**
     * The people whose budget the signed-in person may see for themselves: a holder their own; a
     * representative those they act for today with at least {@code needed}; anyone else nobody.
     * Nothing is recorded: the caller records the look if it shows anything.
     */
    public java.util.List<HolderSummary> peopleWhoseBudgetISee(ConsentScope needed) {
        SignedInUser user = currentUser.require();
        return switch (user.role()) {
            case BUDGET_HOLDER -> holders.byAccount(user.accountId()).stream().toList();
            case REPRESENTATIVE -> holders.actingFor(user.accountId(), null, UkTime.today(clock)).stream()
                    .filter(h -> scopeOf(h).filter(s -> s.includes(needed)).isPresent()).toList();
            default -> java.util.List.of();
        };
    }

    /** The widest scope the caller has for this holder today, without recording anything. */
    public Optional<ConsentScope> scopeOf(HolderSummary holder) {
        SignedInUser user = currentUser.require();
        if (user.role() == Role.BUDGET_HOLDER && user.accountId() == holder.accountId()) {
            return Optional.of(ConsentScope.PURCHASE);
        }
        if (user.role() == Role.COMMISSIONER) {
            return Objects.equals(user.areaId(), holder.areaId()) ? Optional.of(ConsentScope.VIEW) : Optional.empty();
        }
        LocalDate today = UkTime.today(clock);
        return grants.forGrantee(holder.id(), user.accountId(), user.role() == Role.BROKER ? user.organisationId() : null)
                .stream().filter(g -> g.activeOn(today)).map(ConsentGrant::scope).max(Comparator.naturalOrder());
    }

    private RefusedException refuse(HolderSummary holder, SignedInUser user, @Nullable Long grantId, String action,
            String why, String message, boolean endsActing) {
        log.refused(holder.id(), user, grantId, action, why);
        return new RefusedException(message, endsActing);
    }

    /** Commissioners of the holder's own area set up and change budgets; the change goes in the holder's log. */
    public SignedInUser requireCommissionerFor(HolderSummary holder, String action) {
        SignedInUser user = requireCommissionerFor(holder.areaId());
        log.allowed(holder.id(), user, null, action);
        return user;
    }

    /** Someone with their own right to (a provider with bookings, a commissioner of the area) saw these holders. */
    @Override
    public void recordLooks(java.util.Collection<Long> holderIds, String action) {
        log.lookedAt(holderIds, currentUser.require(), action);
    }

    /** Someone with their own reason to touch the record (a provider with a booking) changed it. */
    public void recordChange(long holderId, String action) {
        log.allowed(holderId, currentUser.require(), null, action);
    }

    /** Commissioners of the holder's own area set up and change budgets. */
    public SignedInUser requireCommissionerFor(long areaId) {
        SignedInUser user = currentUser.require();
        if (user.role() != Role.COMMISSIONER || !Objects.equals(user.areaId(), areaId)) {
            throw new AccessDeniedException("Only a commissioner for this area may do that");
        }
        return user;
    }

    public SignedInUser user() {
        return currentUser.require();
    }
}
