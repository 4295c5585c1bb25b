/** The commissioner's area overview. */
@org.jspecify.annotations.NullMarked
package org.wholecare.oversight.ui;
