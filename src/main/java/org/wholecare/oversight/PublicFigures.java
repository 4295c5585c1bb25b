package org.wholecare.oversight;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.AreaBudgets;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.ledger.AreaBooks;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.AreaMarket;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.plan.AreaPlans;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures the public sees of every area, worked out from the ledger and the plans on a
 * schedule (nightly, and when a commissioner asks), published under the rules of
 * {@link Disclosure}, and kept: the public pages and the open data are served from what was kept,
 * so a busy public page never reads live budgets.
 */
@Service
@Transactional(readOnly = true)
public class PublicFigures {

    public static final String LICENCE = "Open Government Licence v3.0: "
            + "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    private static final Logger log = LoggerFactory.getLogger(PublicFigures.class);

    /** One area's published figures for the year so far; a null figure may not be shown. */
    public record Area(long areaId, String name, @Nullable Integer adultPopulation, Disclosure.Count people,
            @Nullable Double perTenThousandAdults, Map<String, Disclosure.Count> byModel,
            Map<String, @Nullable Long> modelSharePercent, Map<String, @Nullable Long> spendPerPersonPence,
            Disclosure.Count reviewsDue, @Nullable Long reviewedOnTimePercent, long verifiedProviders,
            List<AreaMarket.TypicalPrice> typicalPrices) {
    }

    /** Everything published at one time: the period, when it was worked out, every area, and all together. */
    public record Document(String periodCode, String periodLabel, Instant workedOutAt, String licence,
            List<Area> areas, Area allAreas) {
    }

    private final AreaBudgets budgets;
    private final AreaBooks books;
    private final AreaPlans plans;
    private final AreaMarket market;
    private final OrganisationService organisations;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PublicFigures(AreaBudgets budgets, AreaBooks books, AreaPlans plans, AreaMarket market,
            OrganisationService organisations, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.budgets = budgets;
        this.books = books;
        this.plans = plans;
        this.market = market;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Nightly, in the small hours UK time (see {@link PublicFiguresJob}). */
    void nightly() {
        try {
            SystemActor.asAdministrator(this::workOut);
        } catch (RuntimeException e) {
            log.error("Could not work out the public figures; the last ones stay published", e);
        }
    }

    /** Works the figures out now for every area, keeps them, and returns them. */
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMINISTRATOR})
    @Transactional
    public Document workOut() {
        LocalDate today = UkTime.today(clock);
        ReportingPeriod year = ReportingPeriod.yearOf(today);
        Instant now = clock.instant();
        List<Area> areas = new ArrayList<>();
        Totals all = new Totals();
        for (AreaSummary area : SystemActor.asAdministrator(organisations::areas)) {
            areas.add(SystemActor.asAdministrator(() -> area(area, year, today, now, all)));
        }
        Document document = new Document(year.code(), year.label(), now, LICENCE, List.copyOf(areas),
                all.published());
        try {
            jdbc.sql("INSERT INTO public_figures (period_code, worked_out_at, document) VALUES (?, ?, ?)")
                    .params(year.code(), Timestamp.from(now), json.writeValueAsString(document)).update();
        } catch (JacksonException e) {
            throw new IllegalStateException("Could not write the public figures", e);
        }
        return document;
    }

    /** The figures last worked out, if there are any yet. */
    @PermitAll
    public Optional<Document> latest() {
        return jdbc.sql("SELECT document FROM public_figures ORDER BY worked_out_at DESC, id DESC LIMIT 1")
                .query(String.class).optional().map(this::read);
    }

    /** The figures last worked out, exactly as they were kept (JSON), if there are any yet. */
    @PermitAll
    public Optional<String> latestAsJson() {
        return jdbc.sql("SELECT document FROM public_figures ORDER BY worked_out_at DESC, id DESC LIMIT 1")
                .query(String.class).optional();
    }

    /** The last figures of each period, oldest first: how each area has changed over time. */
    @PermitAll
    public List<Document> overTime() {
        return jdbc.sql("""
                SELECT f.document FROM public_figures f WHERE f.id = (SELECT MAX(g.id) FROM public_figures g
                  WHERE g.period_code = f.period_code) ORDER BY f.period_code""")
                .query(String.class).list().stream().map(this::read).toList();
    }

    /** A document as the open data gives it. */
    public String asJson(Document document) {
        try {
            return json.writeValueAsString(document);
        } catch (JacksonException e) {
            throw new IllegalStateException("Could not write the public figures", e);
        }
    }

    private Document read(String document) {
        try {
            return json.readValue(document, Document.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("The kept public figures cannot be read", e);
        }
    }

    /** Raw counts and sums across areas, for the all-areas figures, published by the same rules. */
    private static final class Totals {
        long people;
        long population;
        final Map<String, Long> byModel = new LinkedHashMap<>();
        final Map<FundingStream, Long> spent = new EnumMap<>(FundingStream.class);
        long reviewsDue;
        long reviewsOnTime;
        long providers;

        Area published() {
            return PublicFigures.published(0, "All areas", population == 0 ? null : (int) Math.min(population,
                    Integer.MAX_VALUE), people, byModel, spent, reviewsDue, reviewsOnTime, providers, List.of());
        }
    }

    private Area area(AreaSummary area, ReportingPeriod year, LocalDate today, Instant now, Totals all) {
        List<BudgetSummary> running = budgets.runningIn(area.id(), year.from(), year.to());
        Map<String, Long> byModel = new LinkedHashMap<>();
        for (BudgetManagement m : BudgetManagement.values()) {
            byModel.put(m.label(), 0L);
        }
        running.forEach(b -> byModel.merge(b.management().label(), 1L, Long::sum));
        Map<FundingStream, Long> spent = new EnumMap<>(FundingStream.class);
        books.spent(area.id(), UkTime.startOf(year.from()), now)
                .forEach(s -> spent.merge(s.stream(), s.pence(), Long::sum));
        AreaPlans.Reviews reviews = plans.reviewsDue(area.id(), year.from(), today);
        long providers = market.verifiedProviders(area.id());
        Integer population = organisations.adultPopulation(area.id()).orElse(null);
        all.people += running.size();
        all.population += population == null ? 0 : population;
        byModel.forEach((m, n) -> all.byModel.merge(m, n, Long::sum));
        spent.forEach((s, p) -> all.spent.merge(s, p, Long::sum));
        all.reviewsDue += reviews.due();
        all.reviewsOnTime += reviews.onTime();
        all.providers += providers;
        return published(area.id(), area.name(), population, running.size(), byModel, spent, reviews.due(),
                reviews.onTime(), providers, market.typicalPrices(area.id()));
    }

    /** The raw figures of a group of people as they may be published. */
    static Area published(long areaId, String name, @Nullable Integer population, long people,
            Map<String, Long> byModel, Map<FundingStream, Long> spent, long reviewsDue, long reviewsOnTime,
            long providers, List<AreaMarket.TypicalPrice> prices) {
        Disclosure.Count count = Disclosure.count(people);
        Double perTenThousand = count.shown() && population != null && population > 0
                ? Math.round(count.rounded() * 100_000.0 / population) / 10.0 : null;
        Map<String, Disclosure.Count> models = Disclosure.parts(byModel);
        Map<String, @Nullable Long> shares = new LinkedHashMap<>();
        models.forEach((m, c) -> shares.put(m, Disclosure.share(c, count)));
        Map<String, @Nullable Long> perPerson = new LinkedHashMap<>();
        for (FundingStream stream : FundingStream.values()) {
            // per person only where the number of people may itself be shown
            perPerson.put(stream.label(), count.shown() && people > 0
                    ? Math.round(spent.getOrDefault(stream, 0L) / (double) people) : null);
        }
        Disclosure.Count due = Disclosure.count(reviewsDue);
        Long onTime = due.shown() ? Math.round(reviewsOnTime * 100.0 / reviewsDue) : null;
        return new Area(areaId, name, population, count, perTenThousand, models, shares, perPerson, due, onTime,
                providers, prices);
    }
}
