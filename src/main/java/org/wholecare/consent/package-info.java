/**
 * Consent: the grants with which a holder lets a brokerage, a carer or a representative act for
 * them (and the deputies and attorneys a commissioner records), the check every feature calls before
 * reading or changing a holder's records, and the "Who has looked" log that check writes.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.consent;
