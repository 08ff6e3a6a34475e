package org.chamberlink.activity;

/** An activity's course: draft → published → held → closed, or cancelled (with a reason) before it is held. */
public enum ActivityStatus {

	DRAFT, PUBLISHED, HELD, CLOSED, CANCELLED;

	/** Staff may still change what, when and where. */
	public boolean editable() {
		return this == DRAFT || this == PUBLISHED;
	}

	/** It took place: its attendance counts in figures and the ledger. */
	public boolean took() {
		return this == HELD || this == CLOSED;
	}

}
