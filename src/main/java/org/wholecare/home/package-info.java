/**
 * The first page each person sees after signing in, one per role, with what waits for them.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.home;
