/**
 * The commissioner's pooling agreement page.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.pooling.ui;
