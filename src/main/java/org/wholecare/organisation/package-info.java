/**
 * Councils, NHS bodies, brokerages and providers, the areas they serve and the postcode districts
 * in each area.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.organisation;
