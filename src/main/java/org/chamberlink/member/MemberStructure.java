package org.chamberlink.member;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 004's member structure (三多三少) for one organisation and everything below it, counted as
 * current memberships: by kind (private enterprises vs individual businesses, individual vs
 * group members), local vs out-of-town, high-tech vs traditional, by role and by tier; and the
 * individual members who are party members (中共党员会员).
 *
 * @param orgId the organisation, or null for the memberships held directly by a node (本级)
 */
public record MemberStructure(Long orgId, String orgName, long total, long enterprises, long privateEnterprises,
		long individualBusinesses, long otherEnterprises, long persons, long groups, long local, long outOfTown,
		long highTech, long traditional, long partyMembers, long president, long vicePresident, long secretaryGeneral,
		long standingDirector, long director, long supervisor, long member, long core, long close, long contact,
		long peripheral) {

	/** The row with its organisation's name, read from the organisation module. */
	MemberStructure named(Map<Long, String> names) {
		return new MemberStructure(orgId, orgId == null ? null : names.get(orgId), total, enterprises,
				privateEnterprises, individualBusinesses, otherEnterprises, persons, groups, local, outOfTown, highTech,
				traditional, partyMembers, president, vicePresident, secretaryGeneral, standingDirector, director, supervisor, member,
				core, close, contact, peripheral);
	}

	public Map<MemberRole, Long> byRole() {
		Map<MemberRole, Long> roles = new LinkedHashMap<>();
		roles.put(MemberRole.PRESIDENT, president);
		roles.put(MemberRole.VICE_PRESIDENT, vicePresident);
		roles.put(MemberRole.SECRETARY_GENERAL, secretaryGeneral);
		roles.put(MemberRole.STANDING_DIRECTOR, standingDirector);
		roles.put(MemberRole.DIRECTOR, director);
		roles.put(MemberRole.SUPERVISOR, supervisor);
		roles.put(MemberRole.MEMBER, member);
		return roles;
	}

	public Map<Tier, Long> byTier() {
		Map<Tier, Long> tiers = new LinkedHashMap<>();
		tiers.put(Tier.CORE, core);
		tiers.put(Tier.CLOSE, close);
		tiers.put(Tier.CONTACT, contact);
		tiers.put(Tier.PERIPHERAL, peripheral);
		return tiers;
	}

}
