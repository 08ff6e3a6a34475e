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

	/** A need or complaint raised during a visit: the visit's member and organisation. */
	public static CaseForm fromVisit(CaseCategory category, Long orgId, Long partyId, String title, String description,
			Long visitId) {
		return new CaseForm(category == null ? null : category.kind(), category, orgId, partyId, title, description,
				null, null, null, null, null, null, null, null, null, null, null, visitId);
	}

}
