package org.wholecare.holder;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A commissioner has registered a budget holder. Published inside the registering transaction, so
 * that a representative named at registration is given their consent in the same commit.
 *
 * @param representativeAccountId the representative's account, or null when none was named
 */
public record HolderRegistered(long holderId, @Nullable Long representativeAccountId,
        @Nullable String representativeRelationship,
        long registeredBy, Instant at) {
}
