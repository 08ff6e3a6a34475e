package org.chamberlink.casework;

/**
 * A member's complaint (投诉): whom it is against, the amount involved (yuan as typed) and the
 * counsel helping, if any.
 */
public record ComplaintForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
		RespondentKind respondentKind, String respondentName, String amountInvolved, String counselName,
		Long visitId) implements CaseForm {

	/** A complaint raised during a visit (or an empty one), nothing yet known of the respondent. */
	public static ComplaintForm fromVisit(CaseCategory category, Long orgId, Long partyId, String title,
			String description, Long visitId) {
		return new ComplaintForm(category, orgId, partyId, title, description, null, null, null, null, visitId);
	}

	@Override
	public CaseKind kind() {
		return CaseKind.COMPLAINT;
	}

}
