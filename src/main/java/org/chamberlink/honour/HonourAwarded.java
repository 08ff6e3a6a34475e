package org.chamberlink.honour;

import java.time.LocalDate;

/**
 * An honour was awarded: the points ledger counts it for the member and organisation. A member's
 * award names the membership and party; an organisation's (of the tree) names {@code honoreeOrgId}
 * and has no membership or party.
 */
public record HonourAwarded(Long awardId, Long programmeId, HonourLevel level, int cycle, Long membershipId, Long partyId,
		Long awardingOrgId, String awardeeOrgPath, LocalDate awardedOn, Long honoreeOrgId) {
}
