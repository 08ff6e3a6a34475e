package org.chamberlink.member;

import java.time.LocalDate;

/**
 * A membership ended: the member left (with a date and reason), or a duplicate party was merged
 * into one that already belongs to the organisation. Published in that transaction.
 *
 * @param partyId the party whose membership it was when it ended (after a merge, the merged one)
 */
public record MembershipEnded(Long membershipId, Long partyId, Long orgId, String orgPath, LocalDate leftOn) {
}
