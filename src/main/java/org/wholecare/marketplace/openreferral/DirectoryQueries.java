package org.wholecare.marketplace.openreferral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the feed publishes: only listings that are visible (published, by a verified provider;
 * the marketplace keeps that flag), and the kinds of support of areas that have any.
 */
@Repository
class DirectoryQueries {

    /** One published listing with its provider, as the feed needs it. */
    record PublishedListing(long id, long organisationId, String providerName, String areaName,
            @Nullable String cqcNumber, @Nullable Instant verifiedAt, long categoryId, String categoryName,
            String title, String description, String unit, long pricePence, List<String> days,
            @Nullable String times, List<String> languages, List<String> districts, Instant updatedAt) {
    }

    /** A kind of support, as one area names it. */
    record KindOfSupport(long id, String name, String areaName) {
    }

    private static final String COLUMNS = """
            l.id, l.organisation_id, o.name, a.name, p.cqc_number, p.decided_at, l.category_id, c.name, l.title,
            l.description, l.unit, l.price_pence, l.days_available, l.times_available, l.languages,
            (SELECT GROUP_CONCAT(ld.postcode_district ORDER BY ld.postcode_district) FROM listing_district ld
             WHERE ld.listing_id = l.id), l.updated_at""";
    private static final String FROM = """
             FROM listing l JOIN organisation o ON o.id = l.organisation_id JOIN area a ON a.id = o.area_id
             JOIN provider_profile p ON p.organisation_id = l.organisation_id
             JOIN service_category c ON c.id = l.category_id
            WHERE l.visible = TRUE AND p.status = 'VERIFIED'""";

    private final JdbcClient jdbc;

    DirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PublishedListing> published(long listingId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " AND l.id = ?").param(listingId)
                .query(DirectoryQueries::map).optional();
    }

    /** One page of published listings, in a stable order, optionally of one kind or matching words. */
    List<PublishedListing> published(@Nullable Long categoryId, @Nullable String words, int offset, int limit) {
        Filter f = filter(categoryId, words);
        List<Object> params = new ArrayList<>(f.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + FROM + f.sql() + " ORDER BY l.id LIMIT ? OFFSET ?").params(params)
                .query(DirectoryQueries::map).list();
    }

    long countPublished(@Nullable Long categoryId, @Nullable String words) {
        Filter f = filter(categoryId, words);
        return jdbc.sql("SELECT COUNT(*)" + FROM + f.sql()).params(f.params()).query(Long.class).single();
    }

    /** The kinds of support that areas offer on Wholecare and have not excluded from budgets. */
    List<KindOfSupport> kinds(int offset, int limit) {
        return jdbc.sql("SELECT c.id, c.name, a.name FROM service_category c JOIN area a ON a.id = c.area_id "
                + "WHERE c.excluded = FALSE ORDER BY c.id LIMIT ? OFFSET ?").params(limit, offset)
                .query((rs, n) -> new KindOfSupport(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    long countKinds() {
        return jdbc.sql("SELECT COUNT(*) FROM service_category WHERE excluded = FALSE").query(Long.class).single();
    }

    Optional<KindOfSupport> kind(long id) {
        return jdbc.sql("SELECT c.id, c.name, a.name FROM service_category c JOIN area a ON a.id = c.area_id "
                + "WHERE c.excluded = FALSE AND c.id = ?").param(id)
                .query((rs, n) -> new KindOfSupport(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    private record Filter(String sql, List<Object> params) {
    }

    private static Filter filter(@Nullable Long categoryId, @Nullable String words) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (categoryId != null) {
            sql.append(" AND l.category_id = ?");
            params.add(categoryId);
        }
        if (words != null) {
            // plain matching: the feed is for directories that filter, not for ranking
            String like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (l.title LIKE ? OR l.description LIKE ? OR o.name LIKE ?)");
            params.addAll(List.of(like, like, like));
        }
        return new Filter(sql.toString(), params);
    }

    private static PublishedListing map(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp verified = rs.getTimestamp(6);
        return new PublishedListing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                verified == null ? null : verified.toInstant(), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getLong(12), split(rs.getString(13)), rs.getString(14),
                split(rs.getString(15)), split(rs.getString(16)), rs.getTimestamp(17).toInstant());
    }

    private static List<String> split(@Nullable String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}
