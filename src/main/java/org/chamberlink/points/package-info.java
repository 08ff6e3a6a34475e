/**
 * Chamber points (微积分): point rules per organising federation (an action, its points, a yearly
 * cap, the level of organisations it applies to), an insert-only ledger fed by casework, activity
 * and dues events and by manual claims with evidence that the level above decides, yearly rankings
 * per county, city and province, and back-fill of a new rule over a past period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chamber points", allowedDependencies = { "shared", "organization",
		"casework", "activity", "dues", "welfare", "honour", "evaluation", "identity", "audit", "web" })
package org.chamberlink.points;
