package org.chamberlink.member;

/**
 * A party as its detail page and the API show it: identity number and phone masked only.
 */
public record PartyDetails(Long id, PartyKind kind, String name, String creditCode, EnterpriseKind enterpriseKind,
		String legalRepresentative, String industryCode, SizeClass sizeClass, Integer employees, String regionCode,
		String regionName, boolean outOfTown, boolean highTech, Gender gender, String idNumberMasked,
		boolean partyMember, String publicRoles, String phoneMasked, Long groupOrgId, String status, Long mergedInto,
		long version) {

	/** The party with its region's name, which the member module reads from the region module. */
	PartyDetails withRegionName(String name) {
		return new PartyDetails(id, kind, this.name, creditCode, enterpriseKind, legalRepresentative, industryCode,
				sizeClass, employees, regionCode, name, outOfTown, highTech, gender, idNumberMasked, partyMember,
				publicRoles, phoneMasked, groupOrgId, status, mergedInto, version);
	}

}
