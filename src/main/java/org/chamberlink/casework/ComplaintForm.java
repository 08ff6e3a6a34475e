package org.chamberlink.casework;

/**
 * A member's complaint (投诉): whom it is against, the amount involved (yuan as typed) and the
 * counsel helping, if any.
 */
public record ComplaintForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
		RespondentKind respondentKind, String respondentName, String amountInvolved, String counselName,
		Long visitId, PastCase past) implements CaseForm {

	/** Never null: a form without a past case has {@link PastCase#NONE} (its page reads its fields). */
	public ComplaintForm {
		past = past == null ? PastCase.NONE : past;
	}

	/** A complaint as it arrives now (not entered after the fact). */
	public ComplaintForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
			RespondentKind respondentKind, String respondentName, String amountInvolved, String counselName,
			Long visitId) {
		this(category, orgId, partyId, title, description, respondentKind, respondentName, amountInvolved, counselName,
				visitId, null);
	}

	@Override
	public ComplaintForm withPast(PastCase past) {
		return new ComplaintForm(category, orgId, partyId, title, description, respondentKind, respondentName,
				amountInvolved, counselName, visitId, past);
	}

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
