package org.chamberlink.honour;

/** A nomination's course: submitted, more asked for, accepted (then on notice), rejected, awarded, forwarded upward, recommended outside. */
public enum NominationStatus {

	SUBMITTED, MORE_ASKED, ACCEPTED, REJECTED, AWARDED, FORWARDED, RECOMMENDED;

	/** Whether it still counts against its nominator's quota. */
	public boolean counts() {
		return this != REJECTED;
	}

}
