package org.chamberlink.report;

/** Where a return stands; {@link #NOT_STARTED} and {@link #LATE} appear only on the progress board. */
public enum ReturnStatus {

	NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED, LATE;

	/** The organisation may still change it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
