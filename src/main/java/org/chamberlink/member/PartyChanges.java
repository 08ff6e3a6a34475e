package org.chamberlink.member;

/**
 * An edit of a party's data. A blank identity number or phone leaves the stored one unchanged
 * (the form never holds them in clear); {@code clearPhone} removes the phone.
 */
public record PartyChanges(String name, String creditCode, EnterpriseKind enterpriseKind, String legalRepresentative,
		String industryCode, SizeClass sizeClass, Integer employees, String regionCode, Boolean outOfTown,
		Boolean highTech, Gender gender, String idNumber, String phone, Boolean clearPhone, Boolean partyMember,
		String publicRoles, Long version) {

	public static PartyChanges of(PartyDetails party) {
		return new PartyChanges(party.name(), party.creditCode(), party.enterpriseKind(), party.legalRepresentative(),
				party.industryCode(), party.sizeClass(), party.employees(), party.regionCode(), party.outOfTown(),
				party.highTech(), party.gender(), "", "", false, party.partyMember(), party.publicRoles(),
				party.version());
	}

	NewMember asNewMember(PartyKind kind, java.time.LocalDate today) {
		return new NewMember(kind, 0L, name, creditCode, enterpriseKind, legalRepresentative, industryCode, sizeClass,
				employees, regionCode, outOfTown, highTech, gender, idNumber, phone, partyMember, publicRoles, null,
				MemberRole.MEMBER, null, null, today);
	}

}
