/**
 * Budget holders and their money: registering a holder, their integrated budget and its figures
 * and forecast, the pooling agreement that splits spend across funders, support plans, statements,
 * and the consent grants and "Who has looked" log that every other feature checks.
 */
package org.wholecare.budget;
