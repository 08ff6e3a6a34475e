package org.chamberlink.member;

import org.springframework.util.StringUtils;

/**
 * What the member list, its export and the API filter by; every field is optional.
 *
 * @param orgId only members of this organisation and those below it
 * @param industry a section letter (A–T) or a division code (01–97)
 * @param regionCode the party's registered region, or any region below it
 * @param outOfTown out-of-town (异地) rather than local enterprises
 * @param status current or left, from the dated records
 * @param joinYear the year the membership began
 * @param keyword part of the name, a whole credit code, or a phone's last four digits
 * @param sort one of {@code joined} (newest first, the default), {@code name}, {@code organization}
 */
public record MemberFilter(Long orgId, PartyKind kind, EnterpriseKind enterpriseKind, MemberRole role, Tier tier,
		String industry, String regionCode, Boolean outOfTown, Boolean highTech, MembershipStatus status,
		Integer joinYear, String keyword, String sort) {

	public static MemberFilter none() {
		return new MemberFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	public static MemberFilter current() {
		return new MemberFilter(null, null, null, null, null, null, null, null, null, MembershipStatus.ACTIVE, null,
				null, null);
	}

	/** The same filter for a keyword (part of a name, a credit code, a phone's last four digits). */
	public MemberFilter matching(String keyword) {
		return new MemberFilter(orgId, kind, enterpriseKind, role, tier, industry, regionCode, outOfTown, highTech, status,
				joinYear, keyword, sort);
	}

	/** The same filter in another order: {@code joined} (default), {@code name}, {@code organization}. */
	public MemberFilter sortedBy(String order) {
		return new MemberFilter(orgId, kind, enterpriseKind, role, tier, industry, regionCode, outOfTown, highTech, status,
				joinYear, keyword, order);
	}

	String trimmedKeyword() {
		return StringUtils.hasText(keyword) ? keyword.trim() : null;
	}

}
