/**
 * The provider directory published as an Open Referral UK feed, so council directories and anyone
 * else can use it: verified providers' published listings only, read-only, no sign-in.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.marketplace.openreferral;
