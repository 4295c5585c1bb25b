/**
 * The holder's budget page and the commissioner's pages for holders and one holder's record. Home
 * links to the budget page, so this is the module's named interface {@code ui}.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package org.wholecare.budget.ui;
