package org.wholecare.ledger;

import org.jspecify.annotations.Nullable;

/**
 * Who is moving money and why. Every posting records these.
 *
 * @param actorAccountId      the person who acted (null for the platform itself)
 * @param onBehalfOfAccountId the budget holder they acted for, if not themselves
 * @param reason              plain-English reason, shown in history and statements
 * @param idempotencyKey      the same key twice posts once; required
 * @param reference           what the money is for (e.g. "purchase:42"), optional
 */
public record LedgerRequest(@Nullable Long actorAccountId, @Nullable Long onBehalfOfAccountId, String reason,
        String idempotencyKey, @Nullable String reference) {
}
