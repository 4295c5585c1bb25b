/**
 * What the brokerage services share: which listings may be put to a client, and how rows are read.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.brokerage.internal;
