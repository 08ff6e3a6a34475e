package org.chamberlink.evaluation;

/**
 * Where an evaluation stands at the level reviewing it. NOT_STARTED is never stored: it is an
 * organisation of the campaign without an evaluation yet, as the progress board shows it.
 */
public enum EvaluationStatus {

	NOT_STARTED, DRAFT, SUBMITTED, RETURNED, PASSED, RECOMMENDED;

	/** The organisation may still change its self-assessment and evidence. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
