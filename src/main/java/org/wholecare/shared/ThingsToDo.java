package org.wholecare.shared;

import java.util.List;

/**
 * Provided by each module that can have something waiting for someone: what waits for the
 * signed-in person, worked out from its own data each time, so the home page's list is never out
 * of step with the pages behind it. Each works out for itself whose it is; most give nothing to
 * most roles.
 */
public interface ThingsToDo {

    List<ThingToDo> forMe();
}
