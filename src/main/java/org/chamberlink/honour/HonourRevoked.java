package org.chamberlink.honour;

/** An award was revoked with a reason: the points ledger takes back what it counted (an organisation's: {@code honoreeOrgId}; a staff member's: {@code honoreeAccountId}). */
public record HonourRevoked(Long awardId, Long programmeId, HonourLevel level, Long membershipId, Long partyId, String reason,
		Long honoreeOrgId, Long honoreeAccountId) {
}
