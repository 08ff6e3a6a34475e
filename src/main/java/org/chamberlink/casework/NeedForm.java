package org.chamberlink.casework;

/** A member's need (需求) or consultation: what and why, nothing against anyone. */
public record NeedForm(CaseCategory category, Long orgId, Long partyId, String title, String description,
		Long visitId) implements CaseForm {

	@Override
	public CaseKind kind() {
		return CaseKind.NEED;
	}

}
