/**
 * The Northbrook demonstration: accounts for every role and a true story of a budget in use,
 * loaded whole (or not at all) in the developer's run and the tests, never in production.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.demo;
