/**
 * Accounts and signing in: passwords and their rules, invitations, trusted devices, the sign-in
 * guard and lockout, the first administrator, and who the signed-in person is.
 */
// kept narrow: every feature asks it who is signed in, so it knows nothing of the features
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "platform", "shared"})
@org.jspecify.annotations.NullMarked
package org.wholecare.security;
