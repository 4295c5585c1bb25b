package org.wholecare;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: others may use only its top-level public types, and no two
 * modules may depend on each other in a cycle.
 */
class ModularityTest {

    @Test
    void featureBoundariesHold() {
        ApplicationModules.of(WholecareApplication.class).verify();
    }
}
