package org.chamberlink.honour;

import org.chamberlink.member.EnterpriseKind;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyKind;

/** Who a programme may honour. */
public enum HonoreeKind {

	ENTERPRISE, INDIVIDUAL_BUSINESS, PERSON, ORGANIZATION;

	/** What kind of honoree a member is. */
	static HonoreeKind of(PartyDetails party) {
		if (party.kind() == PartyKind.PERSON) {
			return PERSON;
		}
		if (party.kind() == PartyKind.GROUP) {
			return ORGANIZATION;
		}
		return party.enterpriseKind() == EnterpriseKind.INDIVIDUAL_BUSINESS ? INDIVIDUAL_BUSINESS : ENTERPRISE;
	}

}
