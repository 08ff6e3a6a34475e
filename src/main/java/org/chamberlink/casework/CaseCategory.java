package org.chamberlink.casework;

/**
 * What a case is about: the need categories of the needs list, the three complaint types of the
 * rights-protection centre (consultation, complaint, report of arbitrary charges 三乱), and the
 * dispute types of mediation.
 */
public enum CaseCategory {

	FINANCING(CaseKind.NEED), TALENT(CaseKind.NEED), LEGAL(CaseKind.NEED), POLICY(CaseKind.NEED),
	MARKET(CaseKind.NEED), LAND(CaseKind.NEED), UTILITIES(CaseKind.NEED), ENVIRONMENTAL_PERMIT(CaseKind.NEED),
	OTHER_NEED(CaseKind.NEED),

	CONSULTATION(CaseKind.COMPLAINT), COMPLAINT(CaseKind.COMPLAINT), ARBITRARY_CHARGES(CaseKind.COMPLAINT),

	CONTRACT(CaseKind.MEDIATION), DEBT(CaseKind.MEDIATION), PARTNERSHIP(CaseKind.MEDIATION),
	LABOUR(CaseKind.MEDIATION), INTELLECTUAL_PROPERTY(CaseKind.MEDIATION), OTHER_DISPUTE(CaseKind.MEDIATION);

	private final CaseKind kind;

	CaseCategory(CaseKind kind) {
		this.kind = kind;
	}

	public CaseKind kind() {
		return kind;
	}

}
