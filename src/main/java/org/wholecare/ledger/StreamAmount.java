package org.wholecare.ledger;

/** An amount in pence from one stream. */
public record StreamAmount(FundingStream stream, long pence) {
}
