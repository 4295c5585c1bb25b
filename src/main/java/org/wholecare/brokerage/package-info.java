/**
 * Brokers and representatives working for a budget holder under the holder's consent: the
 * caseload, a shortlist with notes, quotes from providers, proposals the holder accepts or
 * declines, and brokers' declared conflicts of interest.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.brokerage;
