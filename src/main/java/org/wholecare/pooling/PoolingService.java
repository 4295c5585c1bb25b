package org.wholecare.pooling;

import org.jspecify.annotations.Nullable;
import org.wholecare.consent.BudgetAccess;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.FundingStream;
import org.wholecare.pooling.internal.BudgetShares;
import org.wholecare.security.AccountService;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** An area's service categories, spending rules and pooling agreement. Commissioners change them. */
@Service
@Transactional(readOnly = true)
public class PoolingService {

    private final JdbcClient jdbc;
    private final BudgetAccess access;
    private final AccountService accounts;
    private final Clock clock;

    PoolingService(JdbcClient jdbc, BudgetAccess access, AccountService accounts, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ServiceCategory> categories(long areaId) {
        return jdbc.sql("SELECT id, area_id, name, excluded, exclusion_reason, needs_cqc_registration "
                        + "FROM service_category WHERE area_id = ? ORDER BY excluded, name")
                .param(areaId)
                .query((rs, n) -> new ServiceCategory(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public ServiceCategory addCategory(String name, boolean excluded, String exclusionReason) {
        return addCategory(name, excluded, exclusionReason, false);
    }

    /** As above; {@code needsCqcRegistration}: only CQC-registered providers may offer it (personal care, nursing). */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public ServiceCategory addCategory(@Nullable String name, boolean excluded, @Nullable String exclusionReason,
            boolean needsCqcRegistration) {
        long areaId = access.user().areaId();
        String trimmed = name == null ? "" : name.strip();
        var errors = new ValidationException.Collector();
        if (trimmed.isEmpty()) {
            errors.add("name", "Enter the category's name, for example Personal care.");
        } else if (trimmed.length() > 100) {
            errors.add("name", "Keep the name to 100 characters or fewer.");
        } else if (categories(areaId).stream().anyMatch(c -> c.name().equalsIgnoreCase(trimmed))) {
            errors.add("name", "There is already a category called " + trimmed + ".");
        }
        String reason = exclusionReason == null ? "" : exclusionReason.strip();
        if (excluded && reason.isEmpty()) {
            errors.add("exclusionReason", "Say why budgets may not buy this, in words a budget holder will understand.");
        } else if (reason.length() > 300) {
            errors.add("exclusionReason", "Keep the reason to 300 characters or fewer.");
        }
        errors.throwIfAny();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO service_category (area_id, name, excluded, exclusion_reason, needs_cqc_registration) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(areaId, trimmed, excluded, excluded ? reason : null, needsCqcRegistration && !excluded)
                .update(key);
        return new ServiceCategory(key.getKey().longValue(), areaId, trimmed, excluded, excluded ? reason : null,
                needsCqcRegistration && !excluded);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<PoolingAgreement> currentAgreement(long areaId) {
        return jdbc.sql("SELECT id FROM pooling_agreement WHERE area_id = ? ORDER BY version DESC LIMIT 1")
                .param(areaId).query(Long.class).optional().map(this::agreement);
    }

    @PreAuthorize("isAuthenticated()")
    public List<PoolingAgreement> agreementHistory(long areaId) {
        return jdbc.sql("SELECT id FROM pooling_agreement WHERE area_id = ? ORDER BY version DESC")
                .param(areaId).query(Long.class).list().stream().map(this::agreement).toList();
    }

    /**
     * Saves a new version of the caller's area's agreement. Every category budgets may buy must
     * have shares adding up to exactly 100%.
     */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public PoolingAgreement saveNewVersion(Map<Long, Map<FundingStream, Integer>> sharesByCategory) {
        SignedInUser commissioner = access.user();
        long areaId = commissioner.areaId();
        var errors = new ValidationException.Collector();
        for (ServiceCategory category : categories(areaId)) {
            if (category.excluded()) {
                continue;
            }
            Map<FundingStream, Integer> shares = sharesByCategory.getOrDefault(category.id(), Map.of());
            int total = shares.values().stream().mapToInt(Integer::intValue).sum();
            if (shares.values().stream().anyMatch(s -> s < 0 || s > Apportionment.WHOLE)) {
                errors.add("category-" + category.id(), category.name() + ": each share must be between 0% and 100%.");
            } else if (total != Apportionment.WHOLE) {
                errors.add("category-" + category.id(), category.name() + ": the shares add up to "
                        + percent(total) + ". They must add up to exactly 100%.");
            }
        }
        errors.throwIfAny();
        // the unique (area, version) key makes two commissioners saving at once fail rather than clash
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM pooling_agreement WHERE area_id = ?")
                .param(areaId).query(Integer.class).single();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pooling_agreement (area_id, version, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(areaId, version, commissioner.accountId(), Timestamp.from(clock.instant())).update(key);
        long agreementId = key.getKey().longValue();
        for (ServiceCategory category : categories(areaId)) {
            if (category.excluded()) {
                continue;
            }
            sharesByCategory.get(category.id()).forEach((stream, share) -> {
                if (share > 0) {
                    jdbc.sql("INSERT INTO pooling_share (agreement_id, category_id, stream, share_basis_points) "
                            + "VALUES (?, ?, ?, ?)").params(agreementId, category.id(), stream.name(), share).update();
                }
            });
        }
        return agreement(agreementId);
    }

    /**
     * Splits an amount for a category across one budget's streams by the area's agreement in force
     * now, and what that agreement means for this budget: a stream with no money in it at all has
     * its share paid by the others; the private top-up pays what a stream has run out for
     * ({@link BudgetShares}). Refused with a plain message if the category is excluded or has no
     * agreed split; a split the budget cannot pay comes back with notes that say so.
     */
    @PreAuthorize("isAuthenticated()")
    public Apportioned apportion(long areaId, long categoryId, long pence, BudgetBalance balance) {
        ServiceCategory category = categories(areaId).stream().filter(c -> c.id() == categoryId).findFirst()
                .orElseThrow(() -> ValidationException.of("category", "Choose a kind of support from the list."));
        if (category.excluded()) {
            throw ValidationException.of("category", "Budgets cannot be used for " + category.name().toLowerCase()
                    + ". " + category.exclusionReason());
        }
        if (pence <= 0) {
            throw ValidationException.of("amount", "Enter an amount greater than " + Money.format(0) + ".");
        }
        PoolingAgreement agreement = currentAgreement(areaId).filter(a -> !a.shares(categoryId).isEmpty())
                .orElseThrow(() -> ValidationException.of("category", "Your area has not yet agreed who pays for "
                        + category.name().toLowerCase() + ". Ask your commissioner."));
        BudgetShares.Split split = BudgetShares.of(pence, agreement.shares(categoryId), balance);
        return new Apportioned(categoryId, agreement.version(), split.parts(), split.notes());
    }

    private PoolingAgreement agreement(long id) {
        record Head(long id, long areaId, int version, java.time.Instant createdAt, @Nullable Long createdBy) {
        }
        Head head = jdbc.sql("SELECT id, area_id, version, created_at, created_by FROM pooling_agreement WHERE id = ?")
                .param(id).query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, Long.class))).single();
        Map<Long, Map<FundingStream, Integer>> shares = new LinkedHashMap<>();
        jdbc.sql("SELECT category_id, stream, share_basis_points FROM pooling_share WHERE agreement_id = ?")
                .param(id)
                .query((rs, n) -> shares.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(FundingStream.class))
                        .put(FundingStream.valueOf(rs.getString(2)), rs.getInt(3)))
                .list();
        String by = head.createdBy() == null ? "Wholecare"
                : accounts.fullNames(List.of(head.createdBy())).getOrDefault(head.createdBy(), "");
        return new PoolingAgreement(head.id(), head.areaId(), head.version(), head.createdAt(), by, shares);
    }

    public static String percent(int basisPoints) {
        return basisPoints % 100 == 0 ? basisPoints / 100 + "%"
                : new java.math.BigDecimal(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
    }
}
