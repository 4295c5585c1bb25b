/**
 * The holder's purchases, the provider's bookings, and the booking actions on a listing. Home
 * links to the provider's bookings, so this is the module's named interface {@code ui}.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package org.wholecare.purchase.ui;
