package org.chamberlink.honour;

import java.time.Instant;

/** An objection to a nomination on notice, and its answer. The contact is shown to the reviewer only. */
public record Objection(Long id, Long nominationId, String text, String contact, Instant filedAt, String answer, Instant answeredAt) {

	public boolean open() {
		return answeredAt == null;
	}

}
