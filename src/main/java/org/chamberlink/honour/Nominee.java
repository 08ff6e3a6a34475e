package org.chamberlink.honour;

/**
 * Who a nomination names: a member (the membership and the party), an organisation of the tree, or
 * a staff account; with the name and the organisation's name the lists and the public notice show.
 * Exactly one kind of id is set; the form field a refusal names and the award's column follow it.
 */
record Nominee(Long membershipId, Long partyId, Long honoreeOrgId, Long honoreeAccountId, String name, String orgName) {

	static Nominee member(Long membershipId, Long partyId, String name, String orgName) {
		return new Nominee(membershipId, partyId, null, null, name, orgName);
	}

	static Nominee organization(Long orgId, String name, String orgName) {
		return new Nominee(null, null, orgId, null, name, orgName);
	}

	static Nominee staff(Long accountId, String name, String orgName) {
		return new Nominee(null, null, null, accountId, name, orgName);
	}

	/** Whom the nomination names (as forwarded upward or awarded). */
	static Nominee of(Nomination n) {
		return new Nominee(n.membershipId(), n.partyId(), n.honoreeOrgId(), n.honoreeAccountId(), n.nomineeName(), n.nomineeOrgName());
	}

	/** The form field that names this nominee: where a refusal about them is shown. */
	String field() {
		return honoreeOrgId != null ? "honoreeOrgId" : honoreeAccountId != null ? "accountId" : "membershipId";
	}

	/** The column of {@code honour_award} that names this honouree (a member by the party, across memberships). */
	String awardColumn() {
		return honoreeOrgId != null ? "honoree_org_id" : honoreeAccountId != null ? "honoree_account_id" : "party_id";
	}

	/** The value of {@link #awardColumn()} for this honouree. */
	Long honoureeId() {
		return honoreeOrgId != null ? honoreeOrgId : honoreeAccountId != null ? honoreeAccountId : partyId;
	}

	/** One key per honouree across the kinds, as the bulk award reads holders of the level below ('p' party, 'o' organisation, 'a' account). */
	String key() {
		return partyId != null ? "p" + partyId : honoreeOrgId != null ? "o" + honoreeOrgId : "a" + honoreeAccountId;
	}

}
