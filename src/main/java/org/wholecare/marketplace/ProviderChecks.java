package org.wholecare.marketplace;

import java.util.List;

/**
 * The commissioner's Provider checks page: everyone waiting to be checked (oldest first), then
 * the others by name, each list cut short on a big area.
 */
public record ProviderChecks(List<ProviderCheck> waiting, boolean moreWaiting, List<ProviderCheck> others,
        boolean moreOthers) {
}
