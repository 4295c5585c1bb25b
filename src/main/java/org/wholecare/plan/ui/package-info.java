/**
 * The support plan page and the plan shown on a holder's record. The commissioner's record page
 * shows the plan, so this is the module's named interface {@code ui}.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package org.wholecare.plan.ui;
