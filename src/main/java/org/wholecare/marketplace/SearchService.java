package org.wholecare.marketplace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ValidationException;

/** Finding support: full-text search over visible listings, filtered and sorted, with fair-price comparisons. */
@Service
@Transactional(readOnly = true)
public class SearchService {

    public static final int MAX_PAGE = 50;

    private final JdbcClient jdbc;
    private final ListingQueries queries;
    private final TypicalPrices typicalPrices;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;

    SearchService(JdbcClient jdbc, ListingQueries queries, TypicalPrices typicalPrices,
            OrganisationService organisations, CurrentUser currentUser) {
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
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER', 'COMMISSIONER')")
    public Page search(SearchQuery query) {
        String district = OrganisationService.normaliseDistrict(query.district());
        if (district.isEmpty()) {
            throw ValidationException.of("district", "Enter a postcode district, for example NB4.");
        }
        if (!district.matches("^[A-Z]{1,2}[0-9][0-9A-Z]?$")) {
            throw ValidationException.of("district", "\"" + query.district().strip() + "\" is not a postcode district. "
                    + "Use the first part of a postcode, such as NB4.");
        }
        if (query.maxPricePence() != null && query.maxPricePence() <= 0) {
            throw ValidationException.of("maxPrice", "Enter a highest price greater than £0.00, or leave it empty.");
        }
        int limit = Math.max(1, Math.min(query.limit(), MAX_PAGE));
        String words = booleanWords(query.text());
        StringBuilder sql = new StringBuilder("SELECT l.id");
        List<Object> params = new ArrayList<>();
        if (words != null) {
            // one full-text lookup intersects the words with the district's token (a short list); the
            // kind of support and visibility are then checked on the few rows that remain
            // the district first: InnoDB then intersects each word's list with that short set
            String terms = "+zd" + district.toLowerCase(Locale.UK) + " " + words;
            sql.append(", MATCH(l.search_text) AGAINST (? IN BOOLEAN MODE) AS score FROM listing l"
                    + " WHERE MATCH(l.search_text) AGAINST (? IN BOOLEAN MODE) AND l.visible = TRUE");
            params.add(terms);
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
        SearchQuery.Sort sort = query.sort() == null ? SearchQuery.Sort.RELEVANCE : query.sort();
        sql.append(switch (sort) {
            case PRICE -> " ORDER BY l.price_pence, l.id";
            case RATING -> " ORDER BY l.rating_average IS NULL, l.rating_average DESC, l.price_pence, l.id";
            case RELEVANCE -> words != null ? " ORDER BY score DESC, l.price_pence, l.id" : " ORDER BY l.price_pence, l.id";
        });
        sql.append(" LIMIT ? OFFSET ?");
        params.add(limit + 1);
        params.add(Math.max(query.offset(), 0));
        List<Long> ids = jdbc.sql(sql.toString()).params(params).query((rs, n) -> rs.getLong(1)).list();
        boolean more = ids.size() > limit;
        List<SearchResult> results = queries.byIds(more ? ids.subList(0, limit) : ids).stream()
                .map(listing -> compare(listing, district)).toList();
        return new Page(results, more);
    }

    /**
     * A listing and its provider's trust signals. Anyone signed in may see a visible listing; its
     * provider always sees its own; commissioners see those in their area.
     */
    @PreAuthorize("isAuthenticated()")
    public SearchResult listing(long listingId, String district) {
        SignedInUser user = currentUser.require();
        Listing listing = queries.byId(listingId).orElseThrow(() -> new AccessDeniedException("No such listing"));
        boolean own = Objects.equals(user.organisationId(), listing.organisationId());
        boolean commissioner = user.role() == org.wholecare.security.Role.COMMISSIONER;
        if (!listing.visible() && !own && !commissioner) {
            throw new AccessDeniedException("This listing is not available");
        }
        String where = district == null || district.isBlank() || !listing.districts().contains(district)
                ? listing.districts().isEmpty() ? "" : listing.districts().getFirst() : district;
        return compare(listing, where);
    }

    public record Page(List<SearchResult> results, boolean more) {
    }

    private SearchResult compare(Listing listing, String district) {
        Optional<Long> typical = typicalPrices.median(listing.categoryId(), district, listing.unit());
        Integer percent = typical.filter(t -> t > 0)
                .map(t -> (int) Math.round((listing.pricePence() - t) * 100.0 / t)).orElse(null);
        return new SearchResult(listing, typical.orElse(null), percent);
    }

    /**
     * Turns what was typed into "+word*" terms for MariaDB/MySQL boolean full-text search: every
     * word must appear, and a word may be the start of a longer one ("physio" finds "physiotherapy").
     * Operators typed by the person are removed, so they are searched as text, never as syntax.
     */
    static String booleanWords(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.UK).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && terms.size() < 10) {
                terms.add("+" + word + "*");
            }
        }
        return terms.isEmpty() ? null : String.join(" ", terms);
    }
}
