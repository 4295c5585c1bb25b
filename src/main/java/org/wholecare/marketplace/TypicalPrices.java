package org.wholecare.marketplace;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The typical (median) price of a kind of support, per unit, in a postcode district, over visible
 * listings. Cached, and forgotten whenever a listing or a provider's status changes.
 */
@Component
class TypicalPrices {

    static final int MIN_PRICES = 3;

    private record Key(long categoryId, String district, ListingUnit unit) {
    }

    private final JdbcClient jdbc;
    private final Map<Key, Optional<Long>> cache = new ConcurrentHashMap<>();

    TypicalPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> median(long categoryId, String district, ListingUnit unit) {
        return cache.computeIfAbsent(new Key(categoryId, district, unit), this::load);
    }

    void forget() {
        cache.clear();
    }

    private Optional<Long> load(Key key) {
        String from = """
                FROM listing_district d JOIN listing l ON l.id = d.listing_id
                WHERE d.postcode_district = ? AND d.category_id = ? AND d.visible = TRUE AND l.unit = ?""";
        long count = jdbc.sql("SELECT COUNT(*) " + from).params(key.district(), key.categoryId(), key.unit().name())
                .query(Long.class).single();
        // with fewer than three prices a "typical" price would mostly be the listing itself
        if (count < MIN_PRICES) {
            return Optional.empty();
        }
        // the middle price, or the mean of the two middle prices when there is an even number
        var middle = jdbc.sql("SELECT d.price_pence " + from + " ORDER BY d.price_pence LIMIT ? OFFSET ?")
                .params(key.district(), key.categoryId(), key.unit().name(), count % 2 == 0 ? 2 : 1, (count - 1) / 2)
                .query(Long.class).list();
        return Optional.of(Math.round(middle.stream().mapToLong(Long::longValue).average().orElseThrow()));
    }
}
