/**
 * The administrative division tree (行政区划) to township level: reference data from the National
 * Bureau of Statistics, plus regions an administrator adds (new development zones) and marks
 * abolished. Township counts are the denominator of the township-chamber coverage rate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions", allowedDependencies = { "shared", "identity", "audit", "web" })
package org.chamberlink.region;
