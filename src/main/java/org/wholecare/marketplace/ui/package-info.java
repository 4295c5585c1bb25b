/**
 * Finding support, one listing, a provider's profile, registration and listings, and the
 * commissioner's provider checks. The broker's client page shows the search, so this is the
 * module's named interface {@code ui}.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package org.wholecare.marketplace.ui;
