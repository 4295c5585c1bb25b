package org.wholecare.ledger;

/**
 * The four accounts each stream of a budget has. A line's amount is a debit when positive and a
 * credit when negative; every entry's lines add up to zero.
 * <ul>
 * <li>FUNDING: where the funder's money comes from (its balance is minus what was allocated);
 * <li>AVAILABLE: money the person can still use;
 * <li>COMMITTED: reserved for booked services not yet paid;
 * <li>SPENT: paid out.
 * </ul>
 */
public enum LedgerAccount {
    FUNDING, AVAILABLE, COMMITTED, SPENT
}
