package org.wholecare.marketplace;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.security.AccountService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * A commissioner's checks of the providers in their area: who waits to be checked, and the
 * decisions (verify, reject, suspend, reinstate) with their history. Only a verified provider's
 * listings can be found.
 */
@Service
@Transactional(readOnly = true)
public class ProviderDecisions {

    public static final int MOST_WAITING = 100;
    public static final int MOST_OTHERS = 50;
    static final int HISTORY_SHOWN = 5;
    /** The decisions a commissioner may make from each status. */
    private static final Map<ProviderStatus, Set<ProviderStatus>> ALLOWED = Map.of(
            ProviderStatus.PENDING, EnumSet.of(ProviderStatus.VERIFIED, ProviderStatus.REJECTED),
            ProviderStatus.VERIFIED, EnumSet.of(ProviderStatus.SUSPENDED),
            ProviderStatus.SUSPENDED, EnumSet.of(ProviderStatus.VERIFIED),
            ProviderStatus.REJECTED, EnumSet.of(ProviderStatus.VERIFIED));
    /** What {@link #mapProfile} reads (without districts), then when the provider last changed its CQC number. */
    private final JdbcClient jdbc;
    private final ProviderService providers;
    private final CurrentUser currentUser;
    private final TypicalPrices typicalPrices;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    ProviderDecisions(JdbcClient jdbc, ProviderService providers, CurrentUser currentUser, TypicalPrices typicalPrices,
            Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.providers = providers;
        this.currentUser = currentUser;
        this.typicalPrices = typicalPrices;
        this.clock = clock;
    }

    /**
     * Providers in the commissioner's area whose name contains {@code nameContains} (all when empty):
     * those waiting to be checked first, oldest first, then the others by name. A few queries
     * whatever the size of the area.
     */
    @RolesAllowed(Roles.COMMISSIONER)
    public ProviderChecks inMyArea(@Nullable String nameContains) {
        long areaId = currentUser.require().areaId();
        String filter = nameContains == null ? "" : nameContains.strip();
        String like = "%" + filter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String inArea = ProviderService.PROFILE + "WHERE o.area_id = ? AND o.name LIKE ? AND p.status ";
        record Row(ProviderProfile provider, @Nullable Instant cqcNumberChangedAt) {
        }
        // one more than shown of each, to know whether there are more
        List<Row> rows = jdbc.sql("(" + inArea + "= 'PENDING' ORDER BY p.registered_at, p.organisation_id LIMIT ?)"
                        + " UNION ALL (" + inArea + "<> 'PENDING' ORDER BY o.name, p.organisation_id LIMIT ?)")
                .params(areaId, like, MOST_WAITING + 1, areaId, like, MOST_OTHERS + 1)
                .query((rs, n) -> new Row(ProviderService.mapProfile(rs, List.of()), ProviderService.instant(rs.getTimestamp(11)))).list();
        if (rows.isEmpty()) {
            return new ProviderChecks(List.of(), false, List.of(), false);
        }
        String ids = String.join(",", rows.stream().map(r -> String.valueOf(r.provider().organisationId())).toList());
        Map<Long, List<String>> districts = new HashMap<>();
        jdbc.sql("SELECT organisation_id, postcode_district FROM provider_district WHERE organisation_id IN (" + ids
                        + ") ORDER BY postcode_district")
                .query(rs -> {
                    districts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<ProviderDecision>> decisions = new HashMap<>();
        jdbc.sql("""
                SELECT d.organisation_id, d.from_status, d.to_status, d.reason, a.full_name, d.decided_at
                FROM provider_decision d LEFT JOIN user_account a ON a.id = d.decided_by
                WHERE d.organisation_id IN (""" + ids + ") ORDER BY d.decided_at DESC, d.id DESC")
                .query(rs -> {
                    List<ProviderDecision> list = decisions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    if (list.size() < HISTORY_SHOWN) {
                        list.add(new ProviderDecision(rs.getLong(1),
                                rs.getString(2) == null ? null : ProviderStatus.valueOf(rs.getString(2)),
                                ProviderStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                });
        List<ProviderCheck> waiting = new ArrayList<>();
        List<ProviderCheck> others = new ArrayList<>();
        for (Row row : rows) {
            ProviderProfile p = row.provider();
            var check = new ProviderCheck(new ProviderProfile(p.organisationId(), p.name(), p.areaId(), p.contactName(),
                    p.contactEmail(), p.contactPhone(), p.cqcNumber(), p.status(), p.statusReason(), p.registeredAt(),
                    List.copyOf(districts.getOrDefault(p.organisationId(), List.of()))), row.cqcNumberChangedAt(),
                    List.copyOf(decisions.getOrDefault(p.organisationId(), List.of())));
            (p.status() == ProviderStatus.PENDING ? waiting : others).add(check);
        }
        // the two halves of a UNION come back in no promised order
        waiting.sort(Comparator.comparing((ProviderCheck c) -> c.provider().registeredAt())
                .thenComparingLong(c -> c.provider().organisationId()));
        others.sort(Comparator.comparing((ProviderCheck c) -> c.provider().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(c -> c.provider().organisationId()));
        return new ProviderChecks(List.copyOf(waiting.subList(0, Math.min(waiting.size(), MOST_WAITING))),
                waiting.size() > MOST_WAITING, List.copyOf(others.subList(0, Math.min(others.size(), MOST_OTHERS))),
                others.size() > MOST_OTHERS);
    }

    /**
     * A commissioner's decision about a provider in their area. Only these changes are allowed:
     * waiting to verified or rejected, verified to suspended, and suspended or rejected back to
     * verified. Rejecting and suspending need a reason; every decision is kept in the history.
     */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public ProviderProfile decide(long organisationId, @Nullable ProviderStatus decision, @Nullable String reason) {
        SignedInUser commissioner = currentUser.require();
        ProviderProfile provider = providers.profile(organisationId)
                .filter(p -> Objects.equals(p.areaId(), commissioner.areaId()))
                .orElseThrow(() -> new AccessDeniedException("Not a provider in your area"));
        String cleanReason = reason == null ? "" : reason.strip();
        if (decision == null) {
            throw ValidationException.of("decision", "Choose to verify, reject, suspend or reinstate the provider.");
        }
        if (!ALLOWED.get(provider.status()).contains(decision)) {
            throw ValidationException.of("decision", refusal(provider, decision));
        }
        if (decision != ProviderStatus.VERIFIED && cleanReason.isEmpty()) {
            throw ValidationException.of("reason", "Give the reason. The provider will see it.");
        }
        if (cleanReason.length() > 500) {
            throw ValidationException.of("reason", "Keep the reason to 500 characters or fewer.");
        }
        var now = Timestamp.from(clock.instant());
        // only from the status the commissioner saw: of two decisions at once, the second is refused
        int changed = jdbc.sql("UPDATE provider_profile SET status = ?, status_reason = ?, decided_by = ?, decided_at = ? "
                        + "WHERE organisation_id = ? AND status = ?")
                .params(decision.name(), cleanReason.isEmpty() ? null : cleanReason, commissioner.accountId(), now,
                        organisationId, provider.status().name())
                .update();
        if (changed == 0) {
            throw ValidationException.of("decision", "Someone has just made a decision about " + provider.name()
                    + ". Look at the page again before deciding.");
        }
        jdbc.sql("INSERT INTO provider_decision (organisation_id, from_status, to_status, reason, decided_by, decided_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(organisationId, provider.status().name(), decision.name(),
                        cleanReason.isEmpty() ? null : cleanReason, commissioner.accountId(), now)
                .update();
        ProviderService.refreshVisibility(jdbc, organisationId);
        // its listings are offered only in districts it serves
        typicalPrices.forget(provider.districts());
        events.publishEvent(new ProviderChecksDecided(organisationId, decision));
        return providers.profile(organisationId).orElseThrow();
    }

    private static String refusal(ProviderProfile provider, ProviderStatus decision) {
        if (decision == provider.status()) {
            return provider.name() + " is already " + provider.status().label().toLowerCase(Locale.UK) + ".";
        }
        return switch (decision) {
            case PENDING -> "A provider cannot be sent back to waiting to be checked.";
            case REJECTED -> "Only a provider waiting to be checked can be rejected. To stop a verified provider "
                    + "being found, suspend it.";
            case SUSPENDED -> "Only a verified provider can be suspended. " + provider.name() + " is "
                    + provider.status().label().toLowerCase(Locale.UK) + ".";
            case VERIFIED -> provider.name() + " cannot be verified now.";
        };
    }

}
