package org.chamberlink.member;

import java.time.LocalDate;

/**
 * A member to enter: the party (enterprise, person or group) and its membership in one
 * organisation. Only the fields of the party's kind are read. An enterprise, person or group
 * already known (same credit code, identity number, organisation) is not entered again: the
 * membership is added to it.
 *
 * @param orgId the organisation the party joins
 * @param groupOrgId for a group member: the organisation that joins
 * @param tier blank for the role's default tier; a different tier needs {@code tierReason}
 */
public record NewMember(PartyKind kind, Long orgId, String name, String creditCode, EnterpriseKind enterpriseKind,
		String legalRepresentative, String industryCode, SizeClass sizeClass, Integer employees, String regionCode,
		Boolean outOfTown, Boolean highTech, Gender gender, String idNumber, String phone, Boolean partyMember,
		String publicRoles, Long groupOrgId, MemberRole role, Tier tier, String tierReason, LocalDate joinedOn) {

	/** An empty form for the kind, joining today. */
	public static NewMember blank(PartyKind kind, Long orgId, LocalDate today) {
		return new NewMember(kind, orgId, "", "", kind == PartyKind.ENTERPRISE ? EnterpriseKind.PRIVATE_ENTERPRISE : null,
				"", "", null, null, "", false, false, null, "", "", false, "", null, MemberRole.MEMBER, null, "",
				today);
	}

	public Tier effectiveTier() {
		return tier != null ? tier : role == null ? null : role.defaultTier();
	}

}
