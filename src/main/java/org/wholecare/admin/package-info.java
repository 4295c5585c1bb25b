/**
 * The administrator's pages: accounts (invite, disable, enable, change a role, with the history of
 * each change) and the organisations that use Wholecare.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.admin;
