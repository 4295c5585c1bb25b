package org.wholecare.brokerage;

import java.util.List;
import org.wholecare.ledger.StreamAmount;

/**
 * What one time of a proposed purchase (one week's, one month's, or the once) would cost in the
 * holder's budget today, how the funders would share it, what the proposer should know about that
 * ({@code notes}) and what would stop it being booked ({@code problems}).
 */
public record ProposalCost(long unitPricePence, String unit, int quantity, long pence, List<StreamAmount> parts,
        List<String> notes, List<String> problems) {
}
