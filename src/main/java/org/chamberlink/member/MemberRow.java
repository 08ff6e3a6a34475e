package org.chamberlink.member;

import java.time.LocalDate;

/** One line of the member list: a membership with its party's key facts (phone masked). */
public record MemberRow(Long membershipId, Long partyId, PartyKind kind, EnterpriseKind enterpriseKind, String name,
		String creditCode, String phoneMasked, String industryCode, String regionCode, boolean outOfTown,
		boolean highTech, Long orgId, String orgName, MemberRole role, Tier tier, LocalDate joinedOn,
		LocalDate leftOn) {

	public MembershipStatus status(LocalDate today) {
		return leftOn == null || leftOn.isAfter(today) ? MembershipStatus.ACTIVE : MembershipStatus.LEFT;
	}

}
