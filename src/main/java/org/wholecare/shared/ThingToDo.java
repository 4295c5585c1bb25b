package org.wholecare.shared;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something waiting for the signed-in person, on their home page: what it is, the day it must be
 * done by (if there is one), and the button that goes straight to it.
 *
 * @param count how many there are, as the page behind the button counts them
 */
public record ThingToDo(String what, long count, @Nullable LocalDate by, String action, String path) {
}
