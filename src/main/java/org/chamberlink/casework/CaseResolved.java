package org.chamberlink.casework;

import java.time.Instant;

/**
 * A case was resolved (a need met, a complaint settled, a mediation ending in agreement): for the
 * points ledger and other counters. Published in the resolving transaction. A case reopened and
 * resolved again publishes it again, with a later {@code resolvedAt}.
 *
 * @param orgPath the handling organisation's path, for counting it up the tree
 * @param amountRecoveredFen the amount recovered for the member (complaints), in fen, or null
 */
public record CaseResolved(Long caseId, CaseKind kind, CaseCategory category, Long orgId, String orgPath, Long partyId,
		Long amountRecoveredFen, Instant resolvedAt) {
}
