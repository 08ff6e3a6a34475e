package org.chamberlink.casework;

import java.time.LocalDate;

/** A visit to a member took place; published in the completing transaction. */
public record VisitCompleted(Long visitId, Long orgId, String orgPath, Long partyId, LocalDate visitedOn,
		int needsRaised) {
}
