package org.wholecare.oversight;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.AreaBudgets;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.SpendingForecast;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.AreaBooks;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamBalance;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.purchase.PurchaseKinds;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * A commissioner's picture of their area for a period, summed by the ledger from the area's books:
 * nobody's records are read one by one, so it is not a look at anyone's records. An NHS board's
 * commissioner sees the NHS stream in detail, a council's the council stream and the assessed
 * contribution (which the council assesses); every other stream as totals only.
 */
@Service
@Transactional(readOnly = true)
public class AreaOverviews {

    static final int ADULT_AGE = 18;

    private final AreaBooks books;
    private final AreaBudgets budgets;
    private final PurchaseKinds kinds;
    private final HolderDirectory holders;
    private final PoolingService pooling;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final Clock clock;

    AreaOverviews(AreaBooks books, AreaBudgets budgets, PurchaseKinds kinds, HolderDirectory holders,
            PoolingService pooling, OrganisationService organisations, CurrentUser currentUser, Clock clock) {
        this.books = books;
        this.budgets = budgets;
        this.kinds = kinds;
        this.holders = holders;
        this.pooling = pooling;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The caller's area in the period named ({@code null}: this financial year). Refused at
     * "period" with what to choose instead if it is malformed, has not started, or is before the
     * area's first budget.
     */
    @RolesAllowed(Roles.COMMISSIONER)
    public AreaOverview overview(@Nullable String periodCode) {
        SignedInUser me = currentUser.require();
        long areaId = java.util.Objects.requireNonNull(me.areaId(), "a commissioner has an area");
        String areaName = organisations.area(areaId).orElseThrow().name();
        LocalDate today = UkTime.today(clock);
        ReportingPeriod period = periodCode == null || periodCode.isBlank() ? ReportingPeriod.yearOf(today)
                : ReportingPeriod.parse(periodCode);
        LocalDate first = books.firstDay(areaId).orElseThrow(() -> ValidationException.of("period", areaName
                + " has no budgets yet, so there are no figures. They appear once the first budget is set up."));
        if (period.from().isAfter(today)) {
            throw ValidationException.of("period", period.label() + " has not started yet. Choose a period up to "
                    + UkTime.month(today) + ".");
        }
        if (period.to().isBefore(first)) {
            throw ValidationException.of("period", areaName + " has no budgets before " + UkTime.month(first)
                    + ". Choose a period from then on.");
        }
        OrganisationSummary funder = organisations.organisation(java.util.Objects.requireNonNull(me.organisationId()))
                .orElseThrow();
        Set<FundingStream> own = ownStreams(funder.type());
        Instant asAt = period.endedBy(today) ? UkTime.startOf(period.to().plusDays(1)) : clock.instant();
        LocalDate judgedOn = period.endedBy(today) ? period.to() : today;
        List<AreaBooks.Book> area = books.books(areaId, period.from(), period.to(), asAt);

        Map<FundingStream, StreamBalance> totals = new EnumMap<>(FundingStream.class);
        Map<FundingStream, Long> forecast = new EnumMap<>(FundingStream.class);
        for (FundingStream stream : FundingStream.values()) {
            totals.put(stream, StreamBalance.zero(stream));
            forecast.put(stream, 0L);
        }
        for (AreaBooks.Book book : area) {
            for (StreamBalance s : book.balance().streams()) {
                totals.merge(s.stream(), s, StreamBalance::plus);
                long unspent = s.allocated() == 0 ? 0 : SpendingForecast.of(book.coversFrom(), book.coversTo(),
                        judgedOn, s.allocated(), s.spent() + s.committed(), 0).projectedUnspentPence();
                forecast.merge(s.stream(), Math.max(0, unspent), Long::sum);
            }
        }
        Spending spending = spending(areaId, period, today, own);
        List<AreaOverview.StreamFigures> streams = new ArrayList<>();
        for (FundingStream stream : FundingStream.values()) {
            StreamBalance t = totals.get(stream);
            streams.add(new AreaOverview.StreamFigures(stream, t.allocated(), t.committed(), t.spent(), t.available(),
                    spending.inPeriod().getOrDefault(stream, 0L), forecast.get(stream)));
        }
        return new AreaOverview(areaName, funder.name(), period, asAt, own, List.copyOf(streams),
                spending.byKind(), spending.byProvider(), spending.byMonth(), people(areaId, period, judgedOn));
    }

    /** The periods the caller may choose: from their area's first budget to now. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<ReportingPeriod> periods() {
        long areaId = java.util.Objects.requireNonNull(currentUser.require().areaId(), "a commissioner has an area");
        LocalDate today = UkTime.today(clock);
        return ReportingPeriod.choices(books.firstDay(areaId).filter(d -> !d.isAfter(today)).orElse(today), today);
    }

    /** The streams an organisation funds, and so sees in detail. */
    static Set<FundingStream> ownStreams(OrganisationType type) {
        return switch (type) {
            case NHS_BOARD -> EnumSet.of(FundingStream.NHS_HEALTH);
            case COUNCIL -> EnumSet.of(FundingStream.COUNCIL_SOCIAL_CARE, FundingStream.ASSESSED_CONTRIBUTION);
            default -> EnumSet.noneOf(FundingStream.class);
        };
    }

    private record Spending(Map<FundingStream, Long> inPeriod, List<AreaOverview.Breakdown> byKind,
            List<AreaOverview.Breakdown> byProvider, List<AreaOverview.Breakdown> byMonth) {
    }

    /** What was spent in the period: every stream's total, and the own streams' spending broken down. */
    private Spending spending(long areaId, ReportingPeriod period, LocalDate today, Set<FundingStream> own) {
        Map<FundingStream, Long> inPeriod = new EnumMap<>(FundingStream.class);
        Map<String, Map<FundingStream, Long>> byReference = new HashMap<>();
        List<AreaOverview.Breakdown> byMonth = new ArrayList<>();
        YearMonth last = YearMonth.from(period.to().isBefore(today) ? period.to() : today);
        List<YearMonth> months = new ArrayList<>();
        List<Instant> boundaries = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
            boundaries.add(UkTime.startOf(m.atDay(1)));
        }
        boundaries.add(UkTime.startOf(last.plusMonths(1).atDay(1)));
        List<Map<FundingStream, Long>> monthRows = new ArrayList<>();
        months.forEach(m -> monthRows.add(emptyRow(own)));
        // by month, then by purpose over the whole time: two small sums instead of one by both
        for (AreaBooks.SpentIn spent : books.spentBetween(areaId, boundaries)) {
            inPeriod.merge(spent.stream(), spent.pence(), Long::sum);
            if (own.contains(spent.stream())) {
                monthRows.get(spent.period()).merge(spent.stream(), spent.pence(), Long::sum);
            }
        }
        for (AreaBooks.Spent spent : books.spent(areaId, boundaries.getFirst(), boundaries.getLast())) {
            if (own.contains(spent.stream())) {
                byReference.computeIfAbsent(spent.reference() == null ? "" : spent.reference(),
                        r -> new EnumMap<>(FundingStream.class)).merge(spent.stream(), spent.pence(), Long::sum);
            }
        }
        for (int i = 0; i < months.size(); i++) {
            byMonth.add(new AreaOverview.Breakdown(UkTime.month(months.get(i)), monthRows.get(i)));
        }
        Set<Long> purchaseIds = new HashSet<>();
        byReference.keySet().forEach(r -> purchaseId(r).ifPresent(purchaseIds::add));
        Map<Long, PurchaseKinds.KindAndProvider> bought = kinds.of(purchaseIds);
        Map<Long, String> categoryNames = new HashMap<>();
        pooling.categories(areaId).forEach((ServiceCategory c) -> categoryNames.put(c.id(), c.name()));
        Map<String, Map<FundingStream, Long>> byKind = new LinkedHashMap<>();
        Map<String, Map<FundingStream, Long>> byProvider = new LinkedHashMap<>();
        byReference.forEach((reference, pence) -> {
            var what = purchaseId(reference).map(bought::get).orElse(null);
            String kind = what == null ? "Other" : categoryNames.getOrDefault(what.categoryId(), "Other");
            String provider = what == null ? "Other" : what.providerName();
            pence.forEach((stream, p) -> {
                byKind.computeIfAbsent(kind, k -> emptyRow(own)).merge(stream, p, Long::sum);
                byProvider.computeIfAbsent(provider, k -> emptyRow(own)).merge(stream, p, Long::sum);
            });
        });
        return new Spending(inPeriod, largestFirst(byKind), largestFirst(byProvider), List.copyOf(byMonth));
    }

    private static Map<FundingStream, Long> emptyRow(Set<FundingStream> own) {
        Map<FundingStream, Long> row = new EnumMap<>(FundingStream.class);
        own.forEach(stream -> row.put(stream, 0L));
        return row;
    }

    private static List<AreaOverview.Breakdown> largestFirst(Map<String, Map<FundingStream, Long>> rows) {
        // a spend put right by its exact reversal nets to nothing, and is not a row
        return rows.entrySet().stream().map(e -> new AreaOverview.Breakdown(e.getKey(), Map.copyOf(e.getValue())))
                .filter(row -> row.pence().values().stream().anyMatch(p -> p != 0))
                .sorted(Comparator.comparingLong(AreaOverview.Breakdown::total).reversed()
                        .thenComparing(AreaOverview.Breakdown::label))
                .toList();
    }

    private static java.util.Optional<Long> purchaseId(String reference) {
        if (!reference.startsWith("purchase:")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(reference.substring("purchase:".length())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The budgets that ran in the period, by how they are managed, and their holders' ages on {@code day}. */
    private AreaOverview.People people(long areaId, ReportingPeriod period, LocalDate day) {
        List<BudgetSummary> running = budgets.runningIn(areaId, period.from(), period.to());
        Map<BudgetManagement, Long> byManagement = new EnumMap<>(BudgetManagement.class);
        for (BudgetManagement m : BudgetManagement.values()) {
            byManagement.put(m, 0L);
        }
        Set<Long> holderIds = new HashSet<>();
        for (BudgetSummary b : running) {
            byManagement.merge(b.management(), 1L, Long::sum);
            holderIds.add(b.holderId());
        }
        long adults = 0;
        long children = 0;
        for (HolderSummary h : holders.inArea(areaId)) {
            if (holderIds.contains(h.id())) {
                if (!h.dateOfBirth().plusYears(ADULT_AGE).isAfter(day)) {
                    adults++;
                } else {
                    children++;
                }
            }
        }
        return new AreaOverview.People(running.size(), byManagement, adults, children);
    }
}
