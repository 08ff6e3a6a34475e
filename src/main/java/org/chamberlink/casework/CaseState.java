package org.chamberlink.casework;

/** Where a case stands: submitted, accepted, in progress, then resolved, closed without result or rejected. */
public enum CaseState {

	SUBMITTED, ACCEPTED, IN_PROGRESS, RESOLVED, UNRESOLVED, REJECTED;

	public boolean open() {
		return this == SUBMITTED || this == ACCEPTED || this == IN_PROGRESS;
	}

	/** Accepted and not yet closed: can be worked on, resolved or closed. */
	public boolean underway() {
		return this == ACCEPTED || this == IN_PROGRESS;
	}

}
