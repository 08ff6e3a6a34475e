/**
 * Honours and nominations (表彰): programmes an organisation runs at its level with quotas for the
 * organisations below, eligibility the system checks itself through the member, dues and
 * organisation APIs, nominations up the tree and their review, the public notice (公示) with
 * objections that hold the award, recommendations to outside bodies, awards with certificates anyone
 * can verify by a random number, revocation, plaques, and the honour roll. Publishes
 * {@link HonourAwarded} and {@link HonourRevoked} for the points ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Honours", allowedDependencies = { "shared", "member", "dues",
		"organization", "identity", "audit", "web" })
package org.chamberlink.honour;
