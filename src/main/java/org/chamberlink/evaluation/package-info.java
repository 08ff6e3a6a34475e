/**
 * Evaluations (评比): schemes as data (四好商会, 五有五好基层商会, 九要, 五好县级工商联 and any other a
 * federation writes), campaigns of a scheme for a year opened by an organisation, each evaluated
 * organisation's self-assessment with its evidence and the indicators the system measures, the
 * review chain up the tree (county → city → province → national) and the recognitions with their
 * public notice (公示), objections and withdrawals. Reads other modules only through their public
 * APIs and the figures SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluations", allowedDependencies = { "shared",
		"organization", "member", "casework", "identity", "audit", "web" })
package org.chamberlink.evaluation;
