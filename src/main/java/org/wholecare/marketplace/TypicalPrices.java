package org.wholecare.marketplace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The typical (median) price of a kind of support, per unit, in a postcode district, over visible
 * listings. A district's medians are worked out together in one query and cached until a listing
 * offered there, or a provider serving it, changes on this instance, and for at most
 * {@code wholecare.marketplace.typical-prices-fresh-for} (1 minute) after a change on another instance.
 */
@Component
class TypicalPrices {

    static final int MIN_PRICES = 3;

    private record Kind(long categoryId, ListingUnit unit) {
    }

    private record Medians(Map<Kind, Long> byKind, Instant workedOutAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration freshFor;
    private final Map<String, Medians> byDistrict = new ConcurrentHashMap<>();

    TypicalPrices(JdbcClient jdbc, Clock clock,
            @Value("${wholecare.marketplace.typical-prices-fresh-for:1m}") Duration freshFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    Optional<Long> median(long categoryId, String district, ListingUnit unit) {
        Instant now = clock.instant();
        // another instance may have changed a price: medians older than freshFor are worked out again
        Medians medians = byDistrict.compute(district, (d, cached) -> cached == null
                || now.isBefore(cached.workedOutAt()) || now.isAfter(cached.workedOutAt().plus(freshFor))
                ? new Medians(load(d), now) : cached);
        return Optional.ofNullable(medians.byKind().get(new Kind(categoryId, unit)));
    }

    /** Forgets these districts' medians now and again once the current transaction commits. */
    void forget(Collection<String> districts) {
        List<String> copy = List.copyOf(districts);
        copy.forEach(byDistrict::remove);
        // a search between the change and its commit could otherwise cache the old prices again
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    copy.forEach(byDistrict::remove);
                }
            });
        }
    }

    private Map<Kind, Long> load(String district) {
        Map<Kind, List<Long>> prices = new HashMap<>();
        jdbc.sql("""
                SELECT d.category_id, l.unit, d.price_pence
                FROM listing_district d JOIN listing l ON l.id = d.listing_id
                WHERE d.postcode_district = ? AND d.visible = TRUE
                ORDER BY d.category_id, l.unit, d.price_pence""")
                .param(district)
                .query(rs -> {
                    prices.computeIfAbsent(new Kind(rs.getLong(1), ListingUnit.valueOf(rs.getString(2))),
                            k -> new ArrayList<>()).add(rs.getLong(3));
                });
        Map<Kind, Long> medians = new HashMap<>();
        prices.forEach((kind, sorted) -> {
            // with fewer than three prices a "typical" price would mostly be the listing itself
            if (sorted.size() >= MIN_PRICES) {
                int n = sorted.size();
                // the middle price, or the mean of the two middle prices when there is an even number
                medians.put(kind, n % 2 == 1 ? sorted.get(n / 2)
                        : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0));
            }
        });
        return Map.copyOf(medians);
    }
}
