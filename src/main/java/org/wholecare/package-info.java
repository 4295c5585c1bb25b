/**
 * Wholecare: one integrated personal budget for a person's health and social care. Each sub-package
 * is one module of the product (see the module diagram in the README); this package only starts the
 * application.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare;
