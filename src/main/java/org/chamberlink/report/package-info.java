/**
 * Reporting upward (decision 44): the yearly statistical return (统计年报) of every organisation in
 * fixed tables whose cells are data ({@link ReturnDefinition}), each pre-filled from the records
 * through the figures SPI, typed where the system cannot know, cross-checked on every save, submitted
 * to the level above by the deadline it set, returned or accepted there (an accepted return is a
 * locked snapshot), and consolidated up the tree. Reads other modules only through their public
 * APIs and the figures SPI; never their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = { "shared",
		"organization", "identity", "audit", "web" })
package org.chamberlink.report;
