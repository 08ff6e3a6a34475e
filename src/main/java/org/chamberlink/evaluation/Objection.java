package org.chamberlink.evaluation;

import java.time.Instant;

/** An objection raised during a recognition's public notice, and its answer. */
public record Objection(Long id, Long recognitionId, String raisedBy, String text, Instant recordedAt, String answer,
		Instant answeredAt) {

	public boolean open() {
		return answeredAt == null;
	}

}
