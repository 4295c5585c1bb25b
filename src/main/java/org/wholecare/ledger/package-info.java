/**
 * The double-entry ledger: the only way money moves. Allocations, commitments, releases and spend,
 * in integer pence per funding stream, each posted once (idempotent) and never edited.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.ledger;
