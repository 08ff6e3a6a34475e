package org.chamberlink.points;

/** What earns points: the module event behind each automatic action, or a claim decided by hand. */
public enum PointAction {

	/** A case resolved and rated satisfied (casework {@code CaseRated}); reopening it takes the points back. */
	CASE_SATISFIED("CASE"),
	/** A visit to a member completed (casework {@code VisitCompleted}). */
	VISIT_COMPLETED("VISIT"),
	/** An activity held with someone checked in (activity {@code ActivityHeld}). */
	ACTIVITY_HELD("ACTIVITY"),
	/** A dues payment recorded (dues {@code PaymentRecorded}); its reversal takes the points back. */
	DUES_PAID("DUES_PAYMENT"),
	/** A claim with evidence, approved by the level above. */
	MANUAL("CLAIM");

	private final String sourceType;

	PointAction(String sourceType) {
		this.sourceType = sourceType;
	}

	/** The kind of source record an entry of this action names. */
	public String sourceType() {
		return sourceType;
	}

	public boolean automatic() {
		return this != MANUAL;
	}

}
