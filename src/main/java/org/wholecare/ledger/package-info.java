/**
 * The double-entry ledger: the only way money moves. Allocations, commitments, releases and spend,
 * in integer pence per funding stream, each posted once (idempotent) and never edited.
 */
// kept narrow: money moves only through it, so it knows nothing of the features that move it
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.wholecare.ledger;
