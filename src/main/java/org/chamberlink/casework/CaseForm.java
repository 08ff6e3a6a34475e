package org.chamberlink.casework;

/**
 * A case as staff file it (or a court refers a mediation). Amounts are yuan as typed. For a
 * complaint, respondent and amounts describe whom it is against; for a mediation, the applicant
 * and respondent are its two sides, members or not.
 */
public record CaseForm(CaseKind kind, CaseCategory category, Long orgId, Long partyId, String title,
		String description, RespondentKind respondentKind, String respondentName, String amountInvolved,
		String counselName, String amountInDispute, String mediators, String applicantName, String applicantContact,
		String respondentContact, String courtName, String courtCaseNumber, Long visitId) {

	/** An empty form of a kind for a member (and a visit), as the filing page starts. */
	public static CaseForm blank(CaseKind kind, Long orgId, Long partyId, Long visitId) {
		return new CaseForm(kind, null, orgId, partyId, null, null, null, null, null, null, null, null, null, null, null,
				null, null, visitId);
	}

	/** A need, or a consultation, of a member: what and why, nothing against anyone. */
	public static CaseForm of(CaseCategory category, Long orgId, Long partyId, String title, String description) {
		return fromVisit(category, orgId, partyId, title, description, null);
	}

	/** A complaint of a member against a respondent, with the amount involved (yuan as typed). */
	public static CaseForm complaint(CaseCategory category, Long orgId, Long partyId, String title, String description,
			RespondentKind respondentKind, String respondentName, String amountInvolved) {
		return new CaseForm(CaseKind.COMPLAINT, category, orgId, partyId, title, description, respondentKind,
				respondentName, amountInvolved, null, null, null, null, null, null, null, null, null);
	}

	/** A mediation between a member (the applicant) and another side, with the amount in dispute. */
	public static CaseForm mediation(CaseCategory category, Long orgId, Long partyId, String title, String description,
			String respondentName, String amountInDispute, String mediators, String applicantContact,
			String respondentContact) {
		return new CaseForm(CaseKind.MEDIATION, category, orgId, partyId, title, description, null, respondentName, null,
				null, amountInDispute, mediators, null, applicantContact, respondentContact, null, null, null);
	}

	/** A need or complaint raised during a visit: the visit's member and organisation. */
	public static CaseForm fromVisit(CaseCategory category, Long orgId, Long partyId, String title, String description,
			Long visitId) {
		return new CaseForm(category == null ? null : category.kind(), category, orgId, partyId, title, description,
				null, null, null, null, null, null, null, null, null, null, null, visitId);
	}

}
