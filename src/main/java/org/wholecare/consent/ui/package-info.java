/**
 * The holder's pages for who may act for them and who has looked at their records.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.consent.ui;
