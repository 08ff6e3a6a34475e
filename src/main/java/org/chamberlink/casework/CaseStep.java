package org.chamberlink.casework;

import java.time.Instant;

/** One step of a case's trail. */
public record CaseStep(Long id, CaseAction action, CaseState fromState, CaseState toState, String orgName,
		String targetOrgName, String actor, String comment, Instant at) {
}
