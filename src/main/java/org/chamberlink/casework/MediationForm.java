package org.chamberlink.casework;

/**
 * A mediation (调解) between two sides, members or not: the applicant (by default the member),
 * the respondent, their contacts, the amount in dispute (yuan as typed), the mediators, and for a
 * court's referral the court and its case number.
 */
public record MediationForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
		String applicantName, String applicantContact, String respondentName, String respondentContact,
		String amountInDispute, String mediators, String courtName, String courtCaseNumber, Long visitId,
		PastCase past) implements CaseForm {

	/** Never null: a form without a past case has {@link PastCase#NONE} (its page reads its fields). */
	public MediationForm {
		past = past == null ? PastCase.NONE : past;
	}

	/** A mediation as it arrives now (not entered after the fact). */
	public MediationForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
			String applicantName, String applicantContact, String respondentName, String respondentContact,
			String amountInDispute, String mediators, String courtName, String courtCaseNumber, Long visitId) {
		this(category, orgId, partyId, title, description, applicantName, applicantContact, respondentName,
				respondentContact, amountInDispute, mediators, courtName, courtCaseNumber, visitId, null);
	}

	@Override
	public MediationForm withPast(PastCase past) {
		return new MediationForm(category, orgId, partyId, title, description, applicantName, applicantContact,
				respondentName, respondentContact, amountInDispute, mediators, courtName, courtCaseNumber, visitId, past);
	}

	/** An empty mediation for a member (or none), as the filing page starts. */
	public static MediationForm blank(Long orgId, Long partyId) {
		return new MediationForm(null, orgId, partyId, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** A member applying against another side, not on a court's referral. */
	public static MediationForm between(CaseCategory category, Long orgId, Long partyId, String title,
			String description, String respondentName, String amountInDispute, String mediators,
			String applicantContact, String respondentContact) {
		return new MediationForm(category, orgId, partyId, title, description, null, applicantContact, respondentName,
				respondentContact, amountInDispute, mediators, null, null, null);
	}

	@Override
	public CaseKind kind() {
		return CaseKind.MEDIATION;
	}

	/** Referred by a court (诉调对接) when a court is named. */
	boolean referredByCourt() {
		return courtName != null && !courtName.isBlank();
	}

}
