/**
 * Councils, NHS bodies, brokerages and providers, the areas they serve and the postcode districts
 * in each area.
 */
// kept narrow: every feature stands on it, so it stands only on shared
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.wholecare.organisation;
