package org.wholecare.pooling;

import java.time.Instant;
import java.util.Map;
import org.wholecare.ledger.FundingStream;

/**
 * One version of an area's agreement on who pays for what: per category, each stream's share in
 * basis points (10,000 = 100%). A new version applies to new purchases only.
 */
public record PoolingAgreement(long id, long areaId, int version, Instant createdAt, String createdByName,
        Map<Long, Map<FundingStream, Integer>> sharesByCategory) {

    public Map<FundingStream, Integer> shares(long categoryId) {
        return sharesByCategory.getOrDefault(categoryId, Map.of());
    }
}
