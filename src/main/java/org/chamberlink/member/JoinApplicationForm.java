package org.chamberlink.member;

/**
 * What an applicant fills in on the chamber's public page (or staff enter for them). The phone
 * is required: it is how the chamber reaches the applicant.
 */
public record JoinApplicationForm(PartyKind kind, String name, String creditCode, EnterpriseKind enterpriseKind,
		String contactName, String industryCode, String regionCode, String idNumber, String phone, String message) {

	public static JoinApplicationForm blank() {
		return new JoinApplicationForm(PartyKind.ENTERPRISE, "", "", EnterpriseKind.PRIVATE_ENTERPRISE, "", "", "", "",
				"", "");
	}

	NewMember asNewMember(Long orgId, MemberRole role, java.time.LocalDate joinedOn) {
		return new NewMember(kind, orgId, name, creditCode, kind == PartyKind.ENTERPRISE ? enterpriseKind : null,
				null, industryCode, null, null, regionCode, false, false,
				null, kind == PartyKind.PERSON ? idNumber : null, phone, false, null, null, role, null, null, joinedOn);
	}

}
