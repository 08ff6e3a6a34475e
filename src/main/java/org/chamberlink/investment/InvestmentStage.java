package org.chamberlink.investment;

/** A project's stage, in order: each move goes one step forward. */
public enum InvestmentStage {
	LEAD, NEGOTIATING, SIGNED, STARTED, PRODUCING;

	/** The stage after this one, or null after the last. */
	public InvestmentStage next() {
		return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
	}

	/** Whether a project at this stage has signed (its contracted amount counts). */
	public boolean signed() {
		return compareTo(SIGNED) >= 0;
	}

}
