/**
 * The administrator's pages: accounts and organisations.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.admin.ui;
