package org.chamberlink.casework;

/**
 * A case entered after the fact (补录) from a paper ledger: the day it was received and, for one
 * closed already, the day it was closed, how it ended ({@link CaseState#RESOLVED},
 * {@link CaseState#UNRESOLVED} or {@link CaseState#REJECTED}), the outcome, and a complaint's amount
 * recovered (yuan as typed). Dates as typed (2019-03-02), so a refused form shows them again. All
 * blank (or none at all) is an ordinary filing: received now.
 */
public record PastCase(String receivedOn, String closedOn, CaseState result, String outcome,
		String amountRecovered) {

	/** None: a case filed as it arrives. */
	public static final PastCase NONE = new PastCase(null, null, null, null, null);

	/** Whether anything of a past case was given. */
	public boolean given() {
		return present(receivedOn) || present(closedOn) || result != null || present(outcome)
				|| present(amountRecovered);
	}

	/** Whether the past case was closed already (a closing day or how it ended was given). */
	boolean closing() {
		return present(closedOn) || result != null || present(outcome) || present(amountRecovered);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
