package org.chamberlink.member;

import java.time.LocalDate;

import org.springframework.util.StringUtils;

/**
 * A member to enter: the party (enterprise, person or group) and its membership in one
 * organisation. Only the fields of the party's kind are read. An enterprise, person or group
 * already known (same credit code, identity number, organisation) is not entered again: the
 * membership is added to it.
 *
 * @param orgId the organisation the party joins
 * @param groupOrgId for a group member of the tree: the organisation that joins. A group member that is
 * an outside body (an association not in the tree) has none, and its {@code name} and {@code creditCode}
 * instead (decision 31)
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

	/**
	 * A group member named by its name or credit code rather than an organisation of the tree: an
	 * outside body. (A name sent beside {@code groupOrgId} is the organisation's own and is not read.)
	 */
	public boolean isOutsideBody() {
		return kind == PartyKind.GROUP && groupOrgId == null
				&& (StringUtils.hasText(name) || StringUtils.hasText(creditCode));
	}

	public Tier effectiveTier() {
		return tier != null ? tier : role == null ? null : role.defaultTier();
	}

}
