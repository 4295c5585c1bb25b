/**
 * The sign-in page and the page where an invitation is accepted.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.security.ui;
