/**
 * What the funders and the public see of an area as a whole: for commissioners, how each
 * stream's money was used (by kind of support, provider and month) and which budgets need
 * attention; worked out from the ledger's books, never from anyone's records one by one.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.oversight;
