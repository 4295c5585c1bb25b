/**
 * The checks a new budget passes before anything is saved; only the budget's own service uses them.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.budget.internal;
