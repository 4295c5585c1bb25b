package org.wholecare.marketplace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads listings. Internal to the marketplace; the services decide who may see what. */
@Repository
class ListingQueries {

    /** What {@link #map} reads, from listing l joined to its provider's organisation o and category c. */
    static final String COLUMNS = """
            l.id, l.organisation_id, o.name, l.category_id, c.name, l.title, l.description, l.unit, l.price_pence,
            l.status, l.visible, l.days_available, l.times_available, l.languages, l.accessibility,
            l.rating_average, l.review_count,
            (SELECT GROUP_CONCAT(ld.postcode_district ORDER BY ld.postcode_district) FROM listing_district ld
             WHERE ld.listing_id = l.id)""";
    static final String PROVIDER_AND_CATEGORY =
            " JOIN organisation o ON o.id = l.organisation_id JOIN service_category c ON c.id = l.category_id ";
    static final String SELECT = "SELECT " + COLUMNS + " FROM listing l" + PROVIDER_AND_CATEGORY;

    private final JdbcClient jdbc;

    ListingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Listing> byId(long id) {
        return jdbc.sql(SELECT + "WHERE l.id = ?").param(id).query(ListingQueries::map).optional();
    }

    List<Listing> byProvider(long organisationId) {
        return jdbc.sql(SELECT + "WHERE l.organisation_id = ? ORDER BY l.title").param(organisationId)
                .query(ListingQueries::map).list();
    }

    List<Listing> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        List<Listing> found = jdbc.sql(SELECT + "WHERE l.id IN (" + in + ")").query(ListingQueries::map).list();
        return ids.stream().map(id -> found.stream().filter(l -> l.id() == id).findFirst().orElseThrow()).toList();
    }

    static Listing map(ResultSet rs, int row) throws SQLException {
        String districts = rs.getString(18);
        return new Listing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), ListingUnit.valueOf(rs.getString(8)), rs.getLong(9),
                ListingStatus.valueOf(rs.getString(10)), rs.getBoolean(11), split(rs.getString(12)), rs.getString(13),
                split(rs.getString(14)), rs.getString(15),
                rs.getBigDecimal(16) == null ? null : rs.getBigDecimal(16).doubleValue(), rs.getInt(17),
                districts == null ? List.of() : split(districts));
    }

    private static List<String> split(@Nullable String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}
