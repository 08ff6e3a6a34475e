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
	/**
	 * A donation received in a welfare campaign (welfare {@code DonationReceived}), credited to the
	 * organisation that gave, or for a member's gift to the organisation whose campaign received it;
	 * a correction of the receipt takes the points back.
	 */
	DONATION_GIVEN("DONATION"),
	/**
	 * A pairing's project delivered money to its village (welfare {@code PairingProjectDelivered}):
	 * once per project, for the organisation responsible and each chamber of the pairing.
	 */
	WELFARE_DELIVERED("WELFARE_PROJECT"),
	/** An honour awarded to a member (honour {@code HonourAwarded}), for the member's organisation; revoking it takes the points back. */
	HONOUR_AWARDED("HONOUR"),
	/**
	 * The organisation recognised at a level of an evaluation (evaluation {@code RecognitionGranted}: 四好,
	 * 五好 …), once per recognition and so once per level; withdrawing the recognition takes the points back.
	 */
	RECOGNITION_GRANTED("RECOGNITION"),
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
