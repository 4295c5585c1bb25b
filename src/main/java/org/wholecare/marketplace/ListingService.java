package org.wholecare.marketplace;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** Providers manage their own listings; a price change is kept as history. */
@Service
@Transactional(readOnly = true)
public class ListingService {

    public static final long MAX_PRICE_PENCE = 1_000_000L;
    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final JdbcClient jdbc;
    private final ListingQueries queries;
    private final ProviderService providers;
    private final PoolingService pooling;
    private final CurrentUser currentUser;
    private final TypicalPrices typicalPrices;
    private final Clock clock;

    ListingService(JdbcClient jdbc, ListingQueries queries, ProviderService providers, PoolingService pooling,
            CurrentUser currentUser, TypicalPrices typicalPrices, Clock clock) {
        this.typicalPrices = typicalPrices;
        this.jdbc = jdbc;
        this.queries = queries;
        this.providers = providers;
        this.pooling = pooling;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(Roles.PROVIDER)
    public List<Listing> mine() {
        return queries.byProvider(currentUser.require().organisationId());
    }

    /** Creates a listing ({@code listingId} null) or changes one of the caller's own. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public Listing save(@Nullable Long listingId, ListingInput input) {
        SignedInUser user = currentUser.require();
        long organisationId = user.organisationId();
        Listing existing = null;
        if (listingId != null) {
            existing = queries.byId(listingId)
                    .filter(l -> l.organisationId() == organisationId)
                    // another provider's listing is refused exactly like one that does not exist
                    .orElseThrow(() -> new AccessDeniedException("Not your listing"));
        }
        ProviderProfile provider = providers.profile(organisationId).orElseThrow();
        Checked c = check(input, provider, organisationId);
        var now = Timestamp.from(clock.instant());
        String dayList = String.join(",", DAYS.stream().filter(c.days()::contains).toList());
        String languageList = String.join(",", List.of(c.languages().split("\\s*,\\s*")));
        long id;
        if (existing == null) {
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO listing (organisation_id, category_id, title, description, unit, price_pence, status,
                      days_available, times_available, languages, accessibility, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(organisationId, c.category().id(), c.title(), c.description(), input.unit().name(), input.pricePence(),
                            input.status().name(), dayList, c.times().isEmpty() ? null : c.times(), languageList,
                            c.accessibility().isEmpty() ? null : c.accessibility(), now, now)
                    .update(key);
            id = key.getKey().longValue();
        } else {
            id = existing.id();
            jdbc.sql("""
                    UPDATE listing SET category_id = ?, title = ?, description = ?, unit = ?, price_pence = ?, status = ?,
                      days_available = ?, times_available = ?, languages = ?, accessibility = ?, updated_at = ?
                    WHERE id = ? AND organisation_id = ?""")
                    .params(c.category().id(), c.title(), c.description(), input.unit().name(), input.pricePence(),
                            input.status().name(), dayList, c.times().isEmpty() ? null : c.times(), languageList,
                            c.accessibility().isEmpty() ? null : c.accessibility(), now, id, organisationId)
                    .update();
            jdbc.sql("DELETE FROM listing_district WHERE listing_id = ?").param(id).update();
        }
        if (existing == null || existing.pricePence() != input.pricePence()) {
            jdbc.sql("INSERT INTO listing_price_history (listing_id, price_pence, changed_by, changed_at) VALUES (?, ?, ?, ?)")
                    .params(id, input.pricePence(), user.accountId(), now).update();
        }
        for (String district : c.districts()) {
            jdbc.sql("INSERT INTO listing_district (listing_id, postcode_district, category_id, price_pence, visible) "
                    + "VALUES (?, ?, ?, ?, FALSE)").params(id, district, c.category().id(), input.pricePence()).update();
        }
        ProviderService.refreshListing(jdbc, id);
        // a listing carries its provider's rating from the start, not only after the next review
        ReviewService.refreshRatings(jdbc, organisationId, id);
        Set<String> changedDistricts = new java.util.HashSet<>(c.districts());
        if (existing != null) {
            changedDistricts.addAll(existing.districts());
        }
        typicalPrices.forget(changedDistricts);
        return queries.byId(id).orElseThrow();
    }

    /** What a listing form says, checked: every mistake at its field, or the cleaned values to save. */
    private record Checked(ServiceCategory category, String title, String description, List<String> districts,
            List<String> days, String times, String languages, String accessibility) {
    }

    /** Where and when the service is offered, and in what languages, as the form gave them. */
    private record WhereAndWhen(List<String> districts, List<String> days, String times, String languages,
            String accessibility) {
    }

    private static WhereAndWhen whereAndWhen(ListingInput input, ProviderProfile provider,
            ValidationException.Collector errors) {
        List<String> districts = input.districts() == null ? List.of() : input.districts().stream()
                .map(d -> d == null ? "" : d.strip().toUpperCase(Locale.UK)).distinct().toList();
        if (districts.contains("")) {
            errors.add("districts", "Choose postcode districts from the list. One of them was empty.");
        } else if (districts.isEmpty()) {
            errors.add("districts", "Choose at least one postcode district where you offer this.");
        } else if (!provider.districts().containsAll(districts)) {
            errors.add("districts", "You can only list districts your organisation serves: "
                    + String.join(", ", provider.districts()) + ".");
        }
        List<String> days = input.days() == null ? List.of() : input.days();
        if (days.isEmpty()) {
            errors.add("days", "Choose the days you offer this.");
        } else if (!days.stream().allMatch(d -> d != null && DAYS.contains(d))) {
            errors.add("days", "Choose days from Monday to Sunday.");
        }
        String times = input.times() == null ? "" : input.times().strip();
        if (times.length() > 100) {
            errors.add("times", "Keep the times to 100 characters or fewer.");
        }
        String languages = input.languages() == null || input.languages().isBlank() ? "English"
                : input.languages().strip();
        if (languages.length() > 200) {
            errors.add("languages", "Keep the languages to 200 characters or fewer.");
        }
        String accessibility = input.accessibility() == null ? "" : input.accessibility().strip();
        if (accessibility.length() > 300) {
            errors.add("accessibility", "Keep this to 300 characters or fewer.");
        }
        return new WhereAndWhen(districts, days, times, languages, accessibility);
    }

    private Checked check(ListingInput input, ProviderProfile provider, long organisationId) {
        var errors = new ValidationException.Collector();
        ServiceCategory category = input.categoryId() == null ? null : pooling.categories(provider.areaId()).stream()
                .filter(c -> c.id() == input.categoryId()).findFirst().orElse(null);
        if (category == null) {
            errors.add("category", "Choose the kind of support this is.");
        } else if (category.excluded()) {
            errors.add("category", "Budgets cannot buy " + category.name().toLowerCase(Locale.UK) + ", so it cannot be listed.");
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            errors.add("title", "Enter a title, for example 'Morning help at home'.");
        } else if (title.length() > MAX_TITLE) {
            errors.add("title", "Keep the title to " + MAX_TITLE + " characters or fewer. It has " + title.length() + ".");
        }
        String description = input.description() == null ? "" : input.description().strip();
        if (description.isEmpty()) {
            errors.add("description", "Describe the service: what you do, who does it, and what it includes.");
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add("description", "Keep the description to " + MAX_DESCRIPTION + " characters or fewer.");
        }
        if (input.unit() == null) {
            errors.add("unit", "Choose what one price buys: an hour, a session, a day or an item.");
        }
        if (input.pricePence() <= 0) {
            errors.add("price", "Enter a price greater than £0.00.");
        } else if (input.pricePence() > MAX_PRICE_PENCE) {
            errors.add("price", "A price can be at most " + Money.format(MAX_PRICE_PENCE) + " per unit.");
        }
        WhereAndWhen where = whereAndWhen(input, provider, errors);
        if (input.status() == null) {
            errors.add("status", "Choose whether the listing is a draft, published or paused.");
        }
        if (category != null && !category.excluded() && input.status() == ListingStatus.PUBLISHED
                && category.needsCqcRegistration() && cqcNumberForUpdate(organisationId) == null) {
            errors.add("category", category.name() + " is a kind of support only providers registered with the CQC "
                    + "may offer, and your organisation has no CQC registration number yet. Add your number under "
                    + "\"Your CQC registration\" on this page, or save this listing as a draft until you have it.");
        }
        errors.throwIfAny();
        return new Checked(category, title, description, where.districts(), where.days(), where.times(),
                where.languages(), where.accessibility());
    }

    /** Read under the lock ProviderService.changeCqcNumber takes, so the number cannot be removed meanwhile. */
    private @Nullable String cqcNumberForUpdate(long organisationId) {
        return jdbc.sql("SELECT cqc_number FROM provider_profile WHERE organisation_id = ? FOR UPDATE")
                .param(organisationId).query(String.class).optional().orElse(null);
    }

    /** Price changes, newest first, in pence: a purchase keeps the price it was made at. */
    @RolesAllowed(Roles.PROVIDER)
    public List<PriceChange> priceHistory(long listingId) {
        long organisationId = currentUser.require().organisationId();
        queries.byId(listingId).filter(l -> Objects.equals(l.organisationId(), organisationId))
                .orElseThrow(() -> new AccessDeniedException("Not your listing"));
        return jdbc.sql("SELECT price_pence, changed_at FROM listing_price_history WHERE listing_id = ? "
                        + "ORDER BY changed_at DESC, id DESC")
                .param(listingId).query((rs, n) -> new PriceChange(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }
}
