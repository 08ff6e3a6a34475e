package org.chamberlink.proposal;

/**
 * What became of a proposal: submitted to the deputy or CPPCC member; answered by a department;
 * adopted; or a leader's instruction (批示). Adopted is final.
 */
public enum ProposalStatus {

	SUBMITTED, ANSWERED, ADOPTED, INSTRUCTED;

	/** Whether an answer may still be recorded. */
	public boolean answerable() {
		return this == SUBMITTED || this == INSTRUCTED;
	}

	/** Whether it may still be adopted or get a leader's instruction. */
	public boolean open() {
		return this != ADOPTED;
	}

}
