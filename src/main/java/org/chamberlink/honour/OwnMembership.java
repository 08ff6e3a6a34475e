package org.chamberlink.honour;

import java.time.LocalDate;

/** One of the signed-in member's current memberships: where the member may apply from. */
public record OwnMembership(Long membershipId, Long partyId, String partyName, Long orgId, String orgPath, LocalDate joinedOn,
		LocalDate leftOn) {
}
