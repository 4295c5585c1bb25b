package org.wholecare.brokerage;

/** The holder (or a carer with consent to buy) accepted or declined a proposal: its proposer is told. */
public record ProposalDecided(long proposalId, long holderId, long proposedByAccountId, long decidedByAccountId,
        boolean accepted) {
}
