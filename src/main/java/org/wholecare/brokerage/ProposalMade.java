package org.wholecare.brokerage;

/** A broker or carer proposed a purchase: the holder has it to accept or decline. */
public record ProposalMade(long proposalId, long holderId, long proposedByAccountId) {
}
