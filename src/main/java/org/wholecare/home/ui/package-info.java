/**
 * The first page for each role, and the root address that sends a person to theirs.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.home.ui;
