/**
 * Budgets and their money: a holder's integrated budget, its allocations by funding stream and
 * changes, the figures and forecast every page shows, statements, the caseload's one-look summary,
 * and the commissioner's pages for the holders of their area.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.budget;
