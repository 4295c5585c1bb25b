package org.wholecare.plan;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.pooling.PoolingService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.BudgetAccess;

import org.wholecare.shared.UkTime;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.security.AccountService;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** Support plans: the holder or their representative drafts; a commissioner agrees; every agreed version is kept. */
@Service
@Transactional(readOnly = true)
public class SupportPlanService {

    /** A twelfth of the most a budget may hold (£1,000,000.00): more a month on one line is a typing slip. */
    static final long MAX_LINE_PENCE = 100_000_000L / 12;

    public static final int MAX_OUTCOMES = 20;
    public static final int MAX_LINES = 50;

    private final JdbcClient jdbc;
    private final HolderDirectory holders;
    private final PoolingService pooling;
    private final AccountService accounts;
    private final BudgetAccess access;
    private final Clock clock;

    SupportPlanService(JdbcClient jdbc, HolderDirectory holders, PoolingService pooling, AccountService accounts,
            BudgetAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.pooling = pooling;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    /** What one planned line looks like on the way in. */
    public record LineInput(@Nullable Long categoryId, @Nullable String description, long plannedPence,
            SupportPlan.@Nullable Frequency frequency, int outcome) {
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<SupportPlan> agreed(long holderId) {
        access.requireView(holder(holderId), "Viewed the support plan");
        return latest(holderId, SupportPlan.Status.AGREED);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<SupportPlan> draft(long holderId) {
        access.requireView(holder(holderId), "Viewed the support plan");
        return latest(holderId, SupportPlan.Status.DRAFT);
    }

    /** Agreed versions, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<SupportPlan> agreedVersions(long holderId) {
        access.requireView(holder(holderId), "Viewed the support plan");
        return jdbc.sql("SELECT id FROM support_plan WHERE holder_id = ? AND status = 'AGREED' ORDER BY version DESC")
                .param(holderId).query(Long.class).list().stream().map(this::load).toList();
    }

    /**
     * Saves the holder's draft, replacing the open draft if there is one. Holders draft their own
     * plan; representatives and brokers draft changes for them with consent to propose.
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
    @Transactional
    public SupportPlan saveDraft(long holderId, @Nullable List<String> outcomes, @Nullable List<LineInput> lines,
            @Nullable LocalDate reviewDate) {
        HolderSummary holder = holder(holderId);
        SignedInUser author = access.require(holder, ConsentScope.PROPOSE, "Drafted changes to the support plan").user();
        var errors = new ValidationException.Collector();
        List<String> cleaned = outcomes == null ? List.of()
                : outcomes.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (cleaned.isEmpty()) {
            errors.add("outcomes", "Write at least one thing you want your support to help with, in your own words.");
        } else if (cleaned.size() > MAX_OUTCOMES) {
            errors.add("outcomes", "Keep to " + MAX_OUTCOMES + " outcomes or fewer.");
        } else if (cleaned.stream().anyMatch(o -> o.length() > 300)) {
            errors.add("outcomes", "Keep each outcome to 300 characters or fewer.");
        }
        LocalDate today = UkTime.today(clock);
        if (reviewDate == null) {
            errors.add("reviewDate", "Choose a date to review the plan.");
        } else if (!reviewDate.isAfter(today)) {
            errors.add("reviewDate", "The review date must be in the future.");
        } else if (reviewDate.isAfter(today.plusYears(2))) {
            errors.add("reviewDate", "Review the plan at least every two years.");
        }
        List<LineInput> planned = lines == null ? List.of() : lines;
        checkLines(holder, planned, cleaned.size(), errors);
        errors.throwIfAny();

        Optional<SupportPlan> open = latest(holderId, SupportPlan.Status.DRAFT);
        long planId;
        if (open.isPresent()) {
            planId = open.get().id();
            // drafts are working copies: only agreed versions are kept unchanged
            jdbc.sql("DELETE FROM support_plan_line WHERE plan_id = ?").param(planId).update();
            jdbc.sql("DELETE FROM support_plan_outcome WHERE plan_id = ?").param(planId).update();
            jdbc.sql("UPDATE support_plan SET review_date = ?, drafted_by = ?, drafted_at = ? WHERE id = ? AND status = 'DRAFT'")
                    .params(Date.valueOf(reviewDate), author.accountId(), Timestamp.from(clock.instant()), planId).update();
        } else {
            int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM support_plan WHERE holder_id = ?")
                    .param(holderId).query(Integer.class).single();
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO support_plan (holder_id, version, status, review_date, drafted_by, drafted_at) "
                            + "VALUES (?, ?, 'DRAFT', ?, ?, ?)")
                    .params(holderId, version, Date.valueOf(reviewDate), author.accountId(),
                            Timestamp.from(clock.instant()))
                    .update(key);
            planId = key.getKey().longValue();
        }
        for (int i = 0; i < cleaned.size(); i++) {
            jdbc.sql("INSERT INTO support_plan_outcome (plan_id, position, wording) VALUES (?, ?, ?)")
                    .params(planId, i + 1, cleaned.get(i)).update();
        }
        for (LineInput line : planned) {
            jdbc.sql("INSERT INTO support_plan_line (plan_id, category_id, description, planned_pence, frequency, "
                            + "outcome_position) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(planId, line.categoryId(), line.description().strip(), line.plannedPence(),
                            line.frequency().name(), line.outcome()).update();
        }
        return load(planId);
    }

    /** Each line of the plan: a kind of support budgets may buy, what it is, its amount, and the outcome it serves. */
    private void checkLines(HolderSummary holder, List<LineInput> planned, int outcomes,
            ValidationException.Collector errors) {
        Map<Long, ServiceCategory> categories = new java.util.HashMap<>();
        pooling.categories(holder.areaId()).forEach(c -> categories.put(c.id(), c));
        if (planned.size() > MAX_LINES) {
            errors.add("lines", "Keep to " + MAX_LINES + " lines or fewer.");
        }
        for (int i = 0; i < planned.size(); i++) {
            LineInput line = planned.get(i);
            String where = "Line " + (i + 1) + ": ";
            ServiceCategory category = line.categoryId() == null ? null : categories.get(line.categoryId());
            if (category == null) {
                errors.add("lines", where + "choose a kind of support.");
            } else if (category.excluded()) {
                errors.add("lines", where + "budgets cannot pay for " + category.name().toLowerCase() + ". "
                        + category.exclusionReason());
            } else if (line.description() == null || line.description().isBlank()) {
                errors.add("lines", where + "say what the support is, for example 'help getting up and dressed'.");
            } else if (line.description().strip().length() > 300) {
                errors.add("lines", where + "keep the description to 300 characters or fewer.");
            } else if (line.plannedPence() <= 0) {
                errors.add("lines", where + "enter a planned amount greater than £0.00.");
            } else if (line.plannedPence() > MAX_LINE_PENCE) {
                errors.add("lines", where + "that amount is more than " + Money.format(MAX_LINE_PENCE)
                        + ". Check it.");
            } else if (line.frequency() == null) {
                errors.add("lines", where + "say whether the amount is per week or per month.");
            } else if (line.outcome() < 1 || line.outcome() > outcomes) {
                errors.add("lines", where + "choose which of your outcomes this support helps with.");
            }
        }
    }

    /** A commissioner of the person's area agrees the open draft; it becomes the plan in force. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public SupportPlan agree(long holderId, int draftVersion) {
        HolderSummary holder = holder(holderId);
        SignedInUser commissioner = access.requireCommissionerFor(holder, "Agreed the support plan");
        SupportPlan draft = latest(holderId, SupportPlan.Status.DRAFT)
                .orElseThrow(() -> ValidationException.of("", "There is no draft to agree."));
        if (draft.version() != draftVersion) {
            throw ValidationException.of("", "The draft has changed since you opened it. Read the new version first.");
        }
        if (draft.lines().isEmpty()) {
            throw ValidationException.of("", "A plan needs at least one line of support before it can be agreed.");
        }
        jdbc.sql("UPDATE support_plan SET status = 'AGREED', agreed_by = ?, agreed_at = ? WHERE id = ? AND status = 'DRAFT'")
                .params(commissioner.accountId(), Timestamp.from(clock.instant()), draft.id()).update();
        return load(draft.id());
    }

    private HolderSummary holder(long holderId) {
        return holders.byId(holderId).orElseThrow(BudgetAccess::noAccess);
    }

    /** The agreed plan's review date; the caller has checked who may see it. */
    public Optional<LocalDate> agreedReviewDate(long holderId) {
        return latest(holderId, SupportPlan.Status.AGREED).map(SupportPlan::reviewDate);
    }

    private Optional<SupportPlan> latest(long holderId, SupportPlan.Status status) {
        return jdbc.sql("SELECT id FROM support_plan WHERE holder_id = ? AND status = ? ORDER BY version DESC LIMIT 1")
                .params(holderId, status.name()).query(Long.class).optional().map(this::load);
    }

    private SupportPlan load(long planId) {
        record Head(long id, long holderId, int version, SupportPlan.Status status, LocalDate review, long draftedBy,
                java.time.Instant draftedAt, @Nullable Long agreedBy, java.time.@Nullable Instant agreedAt) {
        }
        Head head = jdbc.sql("SELECT id, holder_id, version, status, review_date, drafted_by, drafted_at, agreed_by, "
                        + "agreed_at FROM support_plan WHERE id = ?")
                .param(planId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        SupportPlan.Status.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getLong(6),
                        rs.getTimestamp(7).toInstant(), rs.getObject(8, Long.class),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .single();
        List<String> outcomes = jdbc.sql("SELECT wording FROM support_plan_outcome WHERE plan_id = ? ORDER BY position")
                .param(planId).query(String.class).list();
        List<SupportPlan.Line> lines = new ArrayList<>(jdbc.sql("""
                SELECT l.category_id, c.name, l.description, l.planned_pence, l.frequency, l.outcome_position
                FROM support_plan_line l JOIN service_category c ON c.id = l.category_id
                WHERE l.plan_id = ? ORDER BY l.id""")
                .param(planId)
                .query((rs, n) -> new SupportPlan.Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        SupportPlan.Frequency.valueOf(rs.getString(5)), rs.getInt(6)))
                .list());
        Set<Long> people = new HashSet<>();
        people.add(head.draftedBy());
        if (head.agreedBy() != null) {
            people.add(head.agreedBy());
        }
        Map<Long, String> names = accounts.fullNames(people);
        return new SupportPlan(head.id(), head.holderId(), head.version(), head.status(), outcomes, lines,
                head.review(), names.get(head.draftedBy()), head.draftedAt(),
                head.agreedBy() == null ? null : names.get(head.agreedBy()), head.agreedAt());
    }
}
