package org.wholecare.budget;

import java.time.Instant;
import org.wholecare.ledger.FundingStream;

/** One line of a budget's history: an allocation or a change to it, who made it and why. */
public record AllocationChange(Instant when, FundingStream stream, long changePence, String reason, String byName) {
}
