package org.chamberlink.member;

import java.time.LocalDate;

/** One membership of a party, as its detail page lists them. */
public record MembershipView(Long id, Long partyId, Long orgId, String orgName, MemberRole role, Tier tier,
		String tierReason, LocalDate joinedOn, LocalDate leftOn, String leaveReason, long version) {

	MembershipView named(java.util.Map<Long, String> names) {
		return new MembershipView(id, partyId, orgId, names.get(orgId), role, tier, tierReason, joinedOn, leftOn,
				leaveReason, version);
	}

	public MembershipStatus status(LocalDate today) {
		return leftOn == null || leftOn.isAfter(today) ? MembershipStatus.ACTIVE : MembershipStatus.LEFT;
	}

	public boolean tierOverridden() {
		return role != null && tier != role.defaultTier();
	}

}
