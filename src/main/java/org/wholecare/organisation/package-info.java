/**
 * Councils, NHS bodies, brokerages and providers, the areas they serve and the postcode districts
 * in each area.
 */
package org.wholecare.organisation;
