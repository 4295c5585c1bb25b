/** The outbox of emails waiting to go, and its delivery. */
@org.jspecify.annotations.NullMarked
package org.wholecare.notification.internal;
