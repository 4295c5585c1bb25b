/**
 * What the app runs on: the embedded MariaDB of the developer's run, the checks a production start
 * makes (database, character set, public address), the clock, request limits and throttles.
 */
// kept narrow: it depends on no other module
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.wholecare.platform;
