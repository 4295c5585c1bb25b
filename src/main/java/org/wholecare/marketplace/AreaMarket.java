package org.wholecare.marketplace;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An area's market as the public may see it: how many providers are verified, and the typical
 * price of each kind of support its published listings offer. All of it is public already.
 */
@Service
@Transactional(readOnly = true)
public class AreaMarket {

    private final JdbcClient jdbc;

    AreaMarket(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The middle price per unit of a kind of support, over {@code listings} published listings. */
    public record TypicalPrice(long categoryId, String categoryName, ListingUnit unit, long pricePence, int listings) {
    }

    @PermitAll
    public long verifiedProviders(long areaId) {
        return jdbc.sql("SELECT COUNT(*) FROM provider_profile p JOIN organisation o ON o.id = p.organisation_id "
                + "WHERE o.area_id = ? AND p.status = 'VERIFIED'").param(areaId).query(Long.class).single();
    }

    /** Each kind of support offered by at least three published listings, by unit, with its middle price. */
    @PermitAll
    public List<TypicalPrice> typicalPrices(long areaId) {
        record Kind(long categoryId, String name, ListingUnit unit) {
        }
        Map<Kind, List<Long>> prices = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.category_id, c.name, l.unit, l.price_pence FROM listing l
                JOIN organisation o ON o.id = l.organisation_id JOIN service_category c ON c.id = l.category_id
                WHERE o.area_id = ? AND l.visible = TRUE ORDER BY c.name, l.unit, l.price_pence""")
                .param(areaId)
                .query(rs -> {
                    prices.computeIfAbsent(new Kind(rs.getLong(1), rs.getString(2), ListingUnit.valueOf(rs.getString(3))),
                            k -> new ArrayList<>()).add(rs.getLong(4));
                });
        List<TypicalPrice> typical = new ArrayList<>();
        prices.forEach((kind, sorted) -> {
            int n = sorted.size();
            if (n >= TypicalPrices.MIN_PRICES) {
                long middle = n % 2 == 1 ? sorted.get(n / 2)
                        : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
                typical.add(new TypicalPrice(kind.categoryId(), kind.name(), kind.unit(), middle, n));
            }
        });
        return typical;
    }
}
