/**
 * Telling people when something waits for them: emails written with the change they tell of and
 * sent after it has committed, retried, and each person's choice of which emails they get.
 */
@org.jspecify.annotations.NullMarked
package org.wholecare.notification;
