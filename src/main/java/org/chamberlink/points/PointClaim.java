package org.chamberlink.points;

import java.time.Instant;
import java.time.LocalDate;

/** A manual claim as pages and the API show it (the evidence is downloaded separately). */
public record PointClaim(Long id, Long ruleId, String ruleName, int rulePoints, Long orgId, String orgName, String description,
		LocalDate happenedOn, String evidenceName, String status, String submittedBy, Instant submittedAt, String decidedBy,
		Instant decidedAt, String decisionReason) {

	public boolean pending() {
		return "PENDING".equals(status);
	}

}
