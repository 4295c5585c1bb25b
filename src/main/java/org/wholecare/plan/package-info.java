/**
 * Support plans: what the person wants to achieve and the support that gets them there, each line
 * with a kind of support and a planned amount, agreed and reviewed.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.plan;
