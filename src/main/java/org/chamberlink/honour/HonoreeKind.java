package org.chamberlink.honour;

import org.chamberlink.member.EnterpriseKind;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyKind;

/** Who a programme may honour: members by their kind (a group member is ORGANIZATION), an organisation of the tree, or a staff member. */
public enum HonoreeKind {

	ENTERPRISE, INDIVIDUAL_BUSINESS, PERSON, ORGANIZATION,

	/** A chamber or federation of the tree itself (先进单位, 星级党组织, 诚信建设先行商会). */
	TREE_ORGANIZATION,

	/** A staff member of an organisation of the tree: an account with a staff role (优秀秘书长, 优秀工商联干部). */
	STAFF;

	/** What kind of honoree a member is. */
	static HonoreeKind of(PartyDetails party) {
		return of(party.kind(), party.enterpriseKind());
	}

	/** What kind of honoree a member is, from the member's facts (the bulk steps read them in one batch). */
	static HonoreeKind of(MembershipFacts.PartyFacts facts) {
		return of(facts.kind(), facts.enterpriseKind());
	}

	private static HonoreeKind of(PartyKind kind, EnterpriseKind enterpriseKind) {
		if (kind == PartyKind.PERSON) {
			return PERSON;
		}
		if (kind == PartyKind.GROUP) {
			return ORGANIZATION;
		}
		return enterpriseKind == EnterpriseKind.INDIVIDUAL_BUSINESS ? INDIVIDUAL_BUSINESS : ENTERPRISE;
	}

}
