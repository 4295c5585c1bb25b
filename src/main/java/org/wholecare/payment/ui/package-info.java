/**
 * The commissioner's payments and disputes, and adding money by card.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.payment.ui;
