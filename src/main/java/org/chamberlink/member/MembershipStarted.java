package org.chamberlink.member;

import java.time.LocalDate;

/**
 * A party became a member of an organisation: entered by staff, or a join application approved.
 * Published in that transaction. A member import publishes one {@link MembershipsImported} for
 * all its rows instead.
 */
public record MembershipStarted(Long membershipId, Long partyId, Long orgId, String orgPath, MemberRole role,
		LocalDate joinedOn) {
}
