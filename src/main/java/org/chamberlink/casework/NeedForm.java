package org.chamberlink.casework;

/** A member's need (需求) or consultation: what and why, nothing against anyone. */
public record NeedForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
		Long visitId, PastCase past) implements CaseForm {

	/** Never null: a form without a past case has {@link PastCase#NONE} (its page reads its fields). */
	public NeedForm {
		past = past == null ? PastCase.NONE : past;
	}

	/** A need as it arrives now (not entered after the fact). */
	public NeedForm(CaseCategory category, Long orgId, Long partyId, String title, String description, Long visitId) {
		this(category, orgId, partyId, title, description, visitId, null);
	}

	@Override
	public NeedForm withPast(PastCase past) {
		return new NeedForm(category, orgId, partyId, title, description, visitId, past);
	}

	@Override
	public CaseKind kind() {
		return CaseKind.NEED;
	}

}
