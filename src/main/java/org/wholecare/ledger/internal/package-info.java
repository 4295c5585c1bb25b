/**
 * How the ledger writes a posting and reads entries back; only the ledger's own service uses it.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.ledger.internal;
