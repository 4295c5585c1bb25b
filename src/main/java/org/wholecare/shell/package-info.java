/**
 * The frame around every page: navigation for the signed-in person's role, "acting for" a holder,
 * the error pages, and the small building blocks pages share (tables, messages at fields).
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.shell;
