/**
 * The first page each person sees after signing in, one per role, with what waits for them.
 */
package org.wholecare.home;
