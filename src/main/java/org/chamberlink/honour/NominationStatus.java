package org.chamberlink.honour;

/** A nomination's course: applied by the member (self-application, waiting for its organisation), submitted, more asked for, accepted (then on notice), rejected, awarded, forwarded upward, recommended outside. */
public enum NominationStatus {

	APPLIED, SUBMITTED, MORE_ASKED, ACCEPTED, REJECTED, AWARDED, FORWARDED, RECOMMENDED;

	/** Whether it still counts against its nominator's quota. */
	public boolean counts() {
		return this != REJECTED && this != APPLIED;
	}

}
