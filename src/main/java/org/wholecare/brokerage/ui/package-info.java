/**
 * The broker's pages: the caseload, one client's shortlist, quotes and proposals. Other modules
 * link to them, so they are the module's named interface {@code ui}.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package org.wholecare.brokerage.ui;
