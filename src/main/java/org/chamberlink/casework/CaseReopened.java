package org.chamberlink.casework;

import java.time.Instant;

/**
 * The member reopened a closed case (once, within 15 days): what was counted for its resolution
 * may have to be taken back. Published in the reopening transaction.
 *
 * @param reopenedFrom the state it was closed in, {@code RESOLVED} or {@code UNRESOLVED}
 */
public record CaseReopened(Long caseId, CaseKind kind, CaseCategory category, Long orgId, String orgPath, Long partyId,
		CaseState reopenedFrom, Instant reopenedAt) {
}
