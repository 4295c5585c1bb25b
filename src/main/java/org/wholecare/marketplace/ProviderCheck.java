package org.wholecare.marketplace;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider on the commissioners' Provider checks page.
 *
 * @param cqcNumberChangedAt when the provider last changed its own CQC number, or null
 * @param decisions          the latest decisions first
 */
public record ProviderCheck(ProviderProfile provider, @Nullable Instant cqcNumberChangedAt,
        List<ProviderDecision> decisions) {

    /** The provider changed its CQC number after the last decision, so nobody has checked the new one yet. */
    public boolean cqcNumberChangedSinceChecked() {
        // with no decision yet, the first check looks at the number as it is now
        return cqcNumberChangedAt != null && !decisions.isEmpty()
                && cqcNumberChangedAt.isAfter(decisions.getFirst().decidedAt());
    }
}
