package org.chamberlink.evaluation;

import java.time.Instant;

/** A piece of evidence for a criterion: an uploaded file or a link. */
public record Evidence(Long id, Long criterionId, String fileName, String contentType, Integer sizeBytes, String link,
		String note, Instant uploadedAt) {

	public boolean file() {
		return fileName != null;
	}

}
