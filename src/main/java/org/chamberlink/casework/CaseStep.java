package org.chamberlink.casework;

import java.time.Instant;

import org.chamberlink.shared.ChinaTime;

/** One step of a case's trail. */
public record CaseStep(Long id, CaseAction action, CaseState fromState, CaseState toState, String orgName,
		String targetOrgName, String actor, String comment, Instant at) {

	/** When, in China's time, for pages. */
	public java.time.LocalDateTime atLocal() {
		return ChinaTime.of(at);
	}

}
