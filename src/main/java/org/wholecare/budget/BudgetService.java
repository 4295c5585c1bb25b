package org.wholecare.budget;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.pooling.PoolingService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.BudgetAccess;
import org.wholecare.pooling.Apportioned;

import org.wholecare.shared.UkTime;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.EntryKind;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerAccount;
import org.wholecare.ledger.LedgerEntryView;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.budget.internal.BudgetChecks;

/** Integrated budgets: one person, one period, an allocation per funding stream, all through the ledger. */
@Service
@Transactional(readOnly = true)
public class BudgetService {

    /** £1 million a year for one person is far beyond any real package: above it is a typing slip. */
    public static final long MAX_ALLOCATION_PENCE = 100_000_000L;

    private final JdbcClient jdbc;
    private final HolderDirectory holders;
    private final LedgerService ledger;
    private final PoolingService pooling;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final BudgetAccess access;
    private final Clock clock;
    private final AreaSettings settings;
    private final BudgetChecks checks;

    BudgetService(JdbcClient jdbc, HolderDirectory holders, LedgerService ledger, PoolingService pooling,
            OrganisationService organisations, AccountService accounts, BudgetAccess access, Clock clock,
            AreaSettings settings, BudgetChecks checks) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.holders = holders;
        this.ledger = ledger;
        this.pooling = pooling;
        this.organisations = organisations;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
        this.settings = settings;
    }

    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public BudgetSummary createBudget(NewBudget request) {
        HolderSummary holder = holders.byId(request.holderId())
                .orElseThrow(BudgetAccess::noAccess);
        SignedInUser commissioner = access.requireCommissionerFor(holder, "Set up a budget");
        checks.check(request, holder);

        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO budget (holder_id, area_id, start_date, end_date, management, brokerage_organisation_id,
                  created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holder.id(), holder.areaId(), Date.valueOf(request.startDate()), Date.valueOf(request.endDate()),
                        request.management().name(),
                        request.management() == BudgetManagement.THIRD_PARTY ? request.brokerageOrganisationId() : null,
                        commissioner.accountId(), Timestamp.from(clock.instant()))
                .update(key);
        long budgetId = key.getKey().longValue();
        ledger.open(budgetId, holder.areaId(), request.startDate(), request.endDate());
        for (FundingStream stream : FundingStream.values()) {
            long pence = request.allocations().getOrDefault(stream, 0L);
            String calculation = Objects.requireNonNullElse(request.calculations().get(stream), "").strip();
            if (!calculation.isEmpty()) {
                jdbc.sql("INSERT INTO budget_stream_basis (budget_id, stream, calculation) VALUES (?, ?, ?)")
                        .params(budgetId, stream.name(), calculation).update();
            }
            if (pence > 0) {
                ledger.allocate(budgetId, stream, pence, new LedgerRequest(commissioner.accountId(),
                        holder.accountId(), calculation,
                        "budget:" + budgetId + ":allocate:" + stream.name(), "budget:" + budgetId));
            }
        }
        return summary(budgetId).orElseThrow();
    }

    /**
     * Raises or lowers one stream's allocation, with a reason everyone can read later. The same
     * {@code requestKey} twice (a double click, a resubmitted form) changes it once.
     */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public void adjustAllocation(long budgetId, @Nullable FundingStream stream, long changePence,
            @Nullable String reason, String requestKey) {
        BudgetSummary budget = summary(budgetId).orElseThrow(BudgetAccess::noAccess);
        HolderSummary holder = holders.byId(budget.holderId()).orElseThrow();
        SignedInUser commissioner = access.requireCommissionerFor(holder, "Changed a budget allocation");
        var errors = new ValidationException.Collector();
        if (stream == null) {
            errors.add("stream", "Choose which funding stream to change.");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "Give a reason for the change. The person and the funders will see it.");
        }
        if (changePence == 0) {
            errors.add("amount", "Enter the amount to add or take away. It cannot be £0.00.");
        } else if (Math.abs(changePence) > MAX_ALLOCATION_PENCE) {
            errors.add("amount", "That is more than " + Money.format(MAX_ALLOCATION_PENCE) + ". Check the amount.");
        }
        errors.throwIfAny();
        try {
            ledger.adjust(budgetId, stream, changePence, new LedgerRequest(commissioner.accountId(),
                    holder.accountId(), reason.strip(), "budget:" + budgetId + ":adjust:" + requestKey,
                    "budget:" + budgetId));
        } catch (org.wholecare.ledger.InsufficientFundsException e) {
            long available = ledger.balance(budgetId).stream(stream).available();
            throw ValidationException.of("amount", "You can take away at most " + Money.format(available)
                    + " from " + stream.label() + ": the rest is already set aside or spent.");
        }
    }

    /**
     * Sets money aside for support in a category, split across the budget's streams by the area's
     * pooling agreement in force now ({@link PoolingService#apportion}). Refused, with the stream that
     * lacks money named, if any stream cannot cover its part, or if budgets may not buy the category.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Committed commitForCategory(long budgetId, long categoryId, long pence, String reason, String requestKey) {
        BudgetSummary budget = summary(budgetId).orElseThrow(BudgetAccess::noAccess);
        HolderSummary holder = holders.byId(budget.holderId()).orElseThrow();
        BudgetAccess.Allowed allowed = access.require(holder, ConsentScope.PURCHASE, "Set money aside from the budget");
        SignedInUser actor = allowed.user();
        Apportioned split = pooling.apportion(budget.areaId(), categoryId, pence, ledger.balance(budgetId));
        if (!split.canPay()) {
            var first = split.notes().stream().filter(org.wholecare.pooling.SplitNote::stopsPurchase).findFirst()
                    .orElseThrow();
            throw new org.wholecare.ledger.InsufficientFundsException(first.stream(),
                    String.join(" ", split.problems()));
        }
        LedgerEntryView entry = ledger.commit(budgetId, split.parts(), new LedgerRequest(actor.accountId(),
                holder.accountId(), reason, "budget:" + budgetId + ":commit:" + requestKey,
                "pooling-version:" + split.agreementVersion()));
        return new Committed(split, entry.id());
    }

    /**
     * How the agreement would split {@code pence} for a category in this person's budget today, and
     * what they should know about it, without setting anything aside: a broker sees it before
     * proposing. Reading it is a look at the budget, so it is logged for anyone but the holder.
     */
    @PreAuthorize("isAuthenticated()")
    public Apportioned splitFor(long holderId, long categoryId, long pence) {
        HolderSummary holder = holders.byId(holderId).orElseThrow(BudgetAccess::noAccess);
        access.requireView(holder, "Looked at what a proposal would cost");
        BudgetSummary budget = holder.currentBudgetId() == null ? null : summary(holder.currentBudgetId()).orElse(null);
        if (budget == null) {
            throw ValidationException.of("", "There is no budget to pay from yet.");
        }
        return pooling.apportion(budget.areaId(), categoryId, pence, ledger.balance(budget.id()));
    }

    /** @param entryId the ledger entry that set the money aside */
    public record Committed(Apportioned split, long entryId) {
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<BudgetSummary> currentBudget(long holderId) {
        HolderSummary holder = holders.byId(holderId).orElseThrow(BudgetAccess::noAccess);
        access.requireView(holder, "Viewed the budget");
        return holder.currentBudgetId() == null ? Optional.empty() : summary(holder.currentBudgetId());
    }

    @PreAuthorize("isAuthenticated()")
    public BudgetOverview overview(long budgetId) {
        BudgetSummary budget = summary(budgetId).orElseThrow(BudgetAccess::noAccess);
        HolderSummary holder = holders.byId(budget.holderId()).orElseThrow();
        access.requireView(holder, "Viewed the budget");
        BudgetBalance balance = ledger.balance(budgetId);
        return new BudgetOverview(holder, budget, balance, forecast(budget, balance),
                ledger.recentEntries(budgetId, 10), spendByMonth(budget));
    }

    /** The forecast for a budget and its balance today; the caller has checked who may see it. */
    SpendingForecast forecast(BudgetSummary budget, BudgetBalance balance) {
        return SpendingForecast.of(budget.startDate(), budget.endDate(), UkTime.today(clock),
                balance.allocated(), balance.spent() + balance.committed(),
                settings.of(budget.areaId()).surplusThresholdWeeks());
    }

    /** Every allocation and change to it, newest first, with who made it. */
    @PreAuthorize("isAuthenticated()")
    public List<AllocationChange> history(long budgetId) {
        BudgetSummary budget = summary(budgetId).orElseThrow(BudgetAccess::noAccess);
        access.requireView(holders.byId(budget.holderId()).orElseThrow(), "Viewed the budget history");
        List<LedgerEntryView> entries = ledger.entries(budgetId, budget.startDate().minusYears(5)
                .atStartOfDay(UkTime.ZONE).toInstant(), clock.instant().plusSeconds(1));
        Set<Long> actors = new HashSet<>();
        entries.forEach(e -> {
            if (e.actorAccountId() != null) {
                actors.add(e.actorAccountId());
            }
        });
        Map<Long, String> names = accounts.fullNames(actors);
        List<AllocationChange> changes = new ArrayList<>();
        for (LedgerEntryView entry : entries) {
            if (entry.kind() != EntryKind.ALLOCATE && entry.kind() != EntryKind.ADJUST) {
                continue;
            }
            for (FundingStream stream : FundingStream.values()) {
                long change = -entry.change(LedgerAccount.FUNDING, stream);
                if (change != 0) {
                    changes.add(new AllocationChange(entry.postedAt(), stream, change, entry.reason(),
                            names.getOrDefault(entry.actorAccountId(), "Wholecare")));
                }
            }
        }
        return changes.reversed();
    }

    /** How each stream's amount was worked out, for the holder to see. */
    private Map<FundingStream, String> calculations(long budgetId) {
        Map<FundingStream, String> calculations = new EnumMap<>(FundingStream.class);
        jdbc.sql("SELECT stream, calculation FROM budget_stream_basis WHERE budget_id = ?").param(budgetId)
                .query((rs, n) -> calculations.put(FundingStream.valueOf(rs.getString(1)), rs.getString(2))).list();
        return calculations;
    }

    Optional<BudgetSummary> summary(long budgetId) {
        return jdbc.sql("SELECT id, holder_id, area_id, start_date, end_date, management, brokerage_organisation_id "
                        + "FROM budget WHERE id = ?")
                .param(budgetId)
                .query((rs, n) -> new BudgetSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                        BudgetManagement.valueOf(rs.getString(6)), rs.getObject(7, Long.class), Map.of()))
                .optional()
                .map(b -> new BudgetSummary(b.id(), b.holderId(), b.areaId(), b.startDate(), b.endDate(),
                        b.management(), b.brokerageOrganisationId(), calculations(b.id())));
    }

    private List<BudgetOverview.MonthlySpend> spendByMonth(BudgetSummary budget) {
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(budget.startDate()); !m.isAfter(YearMonth.from(budget.endDate()));
                m = m.plusMonths(1)) {
            months.put(m, new long[2]);
        }
        for (LedgerEntryView entry : ledger.entries(budget.id(), budget.startDate().atStartOfDay(UkTime.ZONE).toInstant(),
                budget.endDate().plusDays(1).atStartOfDay(UkTime.ZONE).toInstant())) {
            long[] figures = months.get(YearMonth.from(entry.postedAt().atZone(UkTime.ZONE)));
            if (figures != null) {
                figures[0] += entry.change(LedgerAccount.SPENT);
                figures[1] += entry.change(LedgerAccount.COMMITTED);
            }
        }
        List<BudgetOverview.MonthlySpend> result = new ArrayList<>();
        months.forEach((month, f) -> result.add(new BudgetOverview.MonthlySpend(month, f[0], f[1])));
        return result;
    }

}
