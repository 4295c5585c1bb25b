/**
 * Budget holders: registering a person (by a commissioner, with their NHS number and, if they have
 * one, a representative), who they are, and whose record the signed-in person is looking at. Every
 * read of a record goes through the consent feature's check ({@link org.wholecare.holder.HolderLooks}).
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.holder;
