/**
 * Pooling agreements: the kinds of support an area's budgets may buy, and for each the share every
 * funder pays; the one apportionment that splits any amount across the funding streams.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.pooling;
