/**
 * Small things every module uses: money as pence, UK dates and the one time zone, validation
 * messages at their fields, role names.
 */
// kept narrow: it depends on no other module
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.wholecare.shared;
