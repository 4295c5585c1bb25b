package org.wholecare.marketplace;

import org.jspecify.annotations.Nullable;
import org.wholecare.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ValidationException;

/** Finding support: full-text search over visible listings, filtered and sorted, with fair-price comparisons. */
@Service
@Transactional(readOnly = true)
public class SearchService {

    /** The longest search people may type: a sentence or two about what they need. */
    public static final int MAX_TEXT = 200;

    public static final int MAX_PAGE = 50;
    /** Results shown at most for one search, however far "more" is pressed: deep pages cost the database most. */
    public static final int MAX_RESULTS = 500;

    private final JdbcClient jdbc;
    private final ListingQueries queries;
    private final TypicalPrices typicalPrices;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final ProviderService providers;
    private final SearchTurns turns;
    // districts only ever get added, so one found once stays known; unknown ones are never remembered
    private final Set<String> knownDistricts = ConcurrentHashMap.newKeySet();

    SearchService(JdbcClient jdbc, ListingQueries queries, TypicalPrices typicalPrices,
            OrganisationService organisations, CurrentUser currentUser, ProviderService providers,
            SearchTurns turns) {
        this.turns = turns;
        this.providers = providers;
        this.jdbc = jdbc;
        this.queries = queries;
        this.typicalPrices = typicalPrices;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    /** Where a search starts: the holder's own district, or the first district of a staff member's area. */
    @PreAuthorize("isAuthenticated()")
    public String defaultDistrict() {
        SignedInUser user = currentUser.require();
        if (user.postcodeDistrict() != null) {
            return user.postcodeDistrict();
        }
        return user.areaId() == null ? "" : organisations.area(user.areaId())
                .map(a -> a.postcodeDistricts().isEmpty() ? "" : a.postcodeDistricts().getFirst()).orElse("");
    }

    /** @return up to {@code limit} results and whether there are more after them */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER, Roles.COMMISSIONER})
    @Transactional(propagation = Propagation.SUPPORTS)
    public Page search(SearchQuery query) {
        String district = checkedQuery(query);
        int offset = Math.max(query.offset(), 0);
        if (offset >= MAX_RESULTS) {
            return new Page(List.of(), false);
        }
        int limit = Math.max(1, Math.min(Math.min(query.limit(), MAX_PAGE), MAX_RESULTS - offset));
        String terms = SearchTerms.query(district, query.text());
        SearchQuery.Sort sort = query.sort() == null ? SearchQuery.Sort.RELEVANCE : query.sort();
        boolean byRelevance = sort == SearchQuery.Sort.RELEVANCE && terms != null;
        List<Object> params = new ArrayList<>();
        String sql = pageQuery(query, district, terms, sort, byRelevance, limit, offset, params);
        List<Listing> found = turns.inTurn(() -> jdbc.sql(sql).params(params).query(ListingQueries::map).list());
        boolean more = found.size() > limit && offset + limit < MAX_RESULTS;
        List<SearchResult> results = (more ? found.subList(0, limit) : found).stream()
                .map(listing -> compare(listing, district)).toList();
        return new Page(results, more);
    }

    /**
     * The district searched in, as people write it, once the whole query is checked: a message at
     * the field if the district, the words or the highest price is wrong.
     */
    private String checkedQuery(SearchQuery query) {
        String district = OrganisationService.normaliseDistrict(query.district());
        if (district.isEmpty()) {
            throw ValidationException.of("district", "Enter a postcode district, for example NB4.");
        }
        if (!district.matches("^[A-Z]{1,2}[0-9][0-9A-Z]?$")) {
            String typed = query.district().strip();
            // quoted back as typed, so the person sees what was read; a long paste is not repeated
            throw ValidationException.of("district", (typed.length() <= 12 ? "\"" + typed + "\" is" : "That is")
                    + " not a postcode district. Use the first part of a postcode, such as NB4.");
        }
        if (query.text() != null && query.text().strip().length() > MAX_TEXT) {
            throw ValidationException.of("text", "Keep what you are looking for to " + MAX_TEXT
                    + " characters or fewer. It has " + query.text().strip().length() + ".");
        }
        if (query.maxPricePence() != null && query.maxPricePence() <= 0) {
            throw ValidationException.of("maxPrice", "Enter a highest price greater than £0.00, or leave it empty.");
        }
        // checked before anything is looked up or cached for it
        if (!isKnownDistrict(district)) {
            throw ValidationException.of("district", "We do not know the postcode district " + district
                    + ". Check it, for example NB4.");
        }
        return district;
    }

    /** The page's SQL; its parameters are added to {@code params} in order. */
    private static String pageQuery(SearchQuery query, String district, @Nullable String terms, SearchQuery.Sort sort,
            boolean byRelevance, int limit, int offset, List<Object> params) {
        // one statement, no transaction to open: the inner query finds and sorts the page on narrow
        // rows, and only the page's listings are then read in full (a deferred join)
        StringBuilder sql = new StringBuilder("SELECT l.id, l.price_pence, l.rating_average");
        if (terms != null) {
            // the terms carry the district, so the full-text lookup reads only this district's
            // postings; the kind of support, price and visibility are checked on the few rows found
            if (byRelevance) {
                sql.append(", MATCH(l.search_text) AGAINST (? IN BOOLEAN MODE) AS score");
                params.add(terms);
            }
            sql.append(" FROM listing l WHERE MATCH(l.search_text) AGAINST (? IN BOOLEAN MODE) AND l.visible = TRUE");
            params.add(terms);
            if (query.categoryId() != null) {
                sql.append(" AND l.category_id = ?");
                params.add(query.categoryId());
            }
            if (query.maxPricePence() != null) {
                sql.append(" AND l.price_pence <= ?");
                params.add(query.maxPricePence());
            }
        } else {
            sql.append(" FROM listing_district d JOIN listing l ON l.id = d.listing_id"
                    + " WHERE d.postcode_district = ? AND d.visible = TRUE");
            params.add(district);
            if (query.categoryId() != null) {
                sql.append(" AND d.category_id = ?");
                params.add(query.categoryId());
            }
            if (query.maxPricePence() != null) {
                sql.append(" AND d.price_pence <= ?");
                params.add(query.maxPricePence());
            }
        }
        if (query.day() != null && !query.day().isBlank()) {
            sql.append(" AND FIND_IN_SET(?, l.days_available) > 0");
            params.add(query.day());
        }
        if (query.language() != null && !query.language().isBlank()) {
            sql.append(" AND FIND_IN_SET(?, l.languages) > 0");
            params.add(query.language().strip());
        }
        sql.append(" ORDER BY ").append(order(sort, byRelevance, "l.")).append(" LIMIT ? OFFSET ?");
        params.add(limit + 1);
        params.add(offset);
        sql.insert(0, "SELECT " + ListingQueries.COLUMNS + " FROM (").append(") page JOIN listing l ON l.id = page.id")
                .append(ListingQueries.PROVIDER_AND_CATEGORY).append("ORDER BY ").append(order(sort, byRelevance, "page."));
        return sql.toString();
    }

    /**
     * The typical (middle) price per unit of a kind of support offered in a district, if at least
     * three verified providers offer it there: what a purchase's price is compared with.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<Long> typicalPrice(long categoryId, String district, ListingUnit unit) {
        return typicalPrices.median(categoryId, district, unit);
    }

    /**
     * A listing and its provider's trust signals. Anyone signed in may see a visible listing; its
     * provider always sees its own; commissioners see those of providers in their area. Prices are
     * compared in {@code district} if the listing is offered there, else in its first district.
     */
    @PreAuthorize("isAuthenticated()")
    public SearchResult listing(long listingId, @Nullable String district) {
        SignedInUser user = currentUser.require();
        Listing listing = queries.byId(listingId).orElseThrow(() -> new AccessDeniedException("No such listing"));
        if (!listing.visible() && !providers.profile(listing.organisationId())
                .filter(p -> ProviderService.isOwnOrAreaCommissioner(user, p)).isPresent()) {
            throw new AccessDeniedException("This listing is not available");
        }
        return compare(listing, comparedIn(listing, district));
    }

    /** The services a provider offers now, as anyone who may see the provider finds them. */
    @PreAuthorize("isAuthenticated()")
    public List<SearchResult> listingsOf(long organisationId) {
        return listingsOf(organisationId, null);
    }

    /** The same, with prices compared in {@code district} where a listing is offered there. */
    @PreAuthorize("isAuthenticated()")
    public List<SearchResult> listingsOf(long organisationId, @Nullable String district) {
        providers.viewable(organisationId);
        return queries.byProvider(organisationId).stream().filter(Listing::visible)
                .map(l -> compare(l, comparedIn(l, district))).toList();
    }

    /** Where a listing's price is compared: the district asked about if it is offered there, else its first. */
    public static String comparedIn(Listing listing, @Nullable String district) {
        String wanted = OrganisationService.normaliseDistrict(district);
        if (listing.districts().contains(wanted)) {
            return wanted;
        }
        return listing.districts().isEmpty() ? "" : listing.districts().getFirst();
    }

    /** A district of any area. The caller's own area is asked first, which is nearly always the answer. */
    private boolean isKnownDistrict(String district) {
        if (knownDistricts.contains(district)) {
            return true;
        }
        Long areaId = currentUser.require().areaId();
        boolean known = areaId != null && organisations.isDistrictInArea(district, areaId)
                || organisations.areas().stream().anyMatch(a -> a.postcodeDistricts().contains(district));
        if (known) {
            knownDistricts.add(district);
        }
        return known;
    }

    private static String order(SearchQuery.Sort sort, boolean byRelevance, String table) {
        String cheapestFirst = table + "price_pence, " + table + "id";
        return switch (sort) {
            case PRICE -> cheapestFirst;
            case RATING -> table + "rating_average IS NULL, " + table + "rating_average DESC, " + cheapestFirst;
            case RELEVANCE -> byRelevance ? (table.equals("l.") ? "" : table) + "score DESC, " + cheapestFirst
                    : cheapestFirst;
        };
    }

    public record Page(List<SearchResult> results, boolean more) {
    }

    private SearchResult compare(Listing listing, String district) {
        Optional<Long> typical = typicalPrices.median(listing.categoryId(), district, listing.unit());
        Integer percent = typical.filter(t -> t > 0)
                .map(t -> (int) Math.round((listing.pricePence() - t) * 100.0 / t)).orElse(null);
        return new SearchResult(listing, typical.orElse(null), percent);
    }
}
