package org.chamberlink.honour;

import org.chamberlink.shared.Rate;

/** Honour figures of a subtree and period: nominated, awarded by level, and party-member members honoured of all party-member members. */
public record HonourTotals(Long orgId, String orgName, long nominated, long awarded, long county, long city, long province,
		long national, long partyMembersHonoured, long partyMembers) {

	public Rate awardedShare() {
		return Rate.of(awarded, nominated);
	}

	public Rate partyMemberShare() {
		return Rate.of(partyMembersHonoured, partyMembers);
	}

}
