package org.chamberlink.honour;

import java.time.LocalDate;

/**
 * An honour was awarded: the points ledger counts it for the member and organisation. A member's
 * award names the membership and party; an organisation's (of the tree) names {@code honoreeOrgId}
 * and has no membership or party; a staff member's names {@code honoreeAccountId} (an account of the
 * identity module) and counts in the account's organisation ({@code awardeeOrgPath}).
 */
public record HonourAwarded(Long awardId, Long programmeId, HonourLevel level, int cycle, Long membershipId, Long partyId,
		Long awardingOrgId, String awardeeOrgPath, LocalDate awardedOn, Long honoreeOrgId,
		Long honoreeAccountId) {
}
