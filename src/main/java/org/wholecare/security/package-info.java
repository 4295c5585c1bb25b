/**
 * Accounts and signing in: passwords and their rules, invitations, trusted devices, the sign-in
 * guard and lockout, the first administrator, and who the signed-in person is.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.security;
