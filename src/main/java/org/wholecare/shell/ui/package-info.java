/**
 * The layout around every page and the error pages (not found, no access).
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.shell.ui;
