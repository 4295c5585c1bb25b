/**
 * What the brokerage services share: which listings may be put to a client, and how rows are read.
 */
package org.wholecare.brokerage.internal;
