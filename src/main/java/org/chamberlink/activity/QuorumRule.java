package org.chamberlink.activity;

/**
 * An organisation's statute rule for its governance meetings: valid with more than
 * {@code quorumNumerator/quorumDenominator} of those who may attend present; a resolution passes with
 * more than {@code passNumerator/passDenominator} of those present voting for it.
 */
public record QuorumRule(int quorumNumerator, int quorumDenominator, int passNumerator, int passDenominator) {

	/** The usual statute: more than two thirds present, more than half of them for. */
	public static final QuorumRule DEFAULT = new QuorumRule(2, 3, 1, 2);

	public boolean quorum(int present, int eligible) {
		return eligible > 0 && (long) present * quorumDenominator > (long) eligible * quorumNumerator;
	}

	public boolean passes(int votesFor, int present) {
		return present > 0 && (long) votesFor * passDenominator > (long) present * passNumerator;
	}

	boolean valid() {
		return quorumValid() && passValid();
	}

	boolean quorumValid() {
		return quorumNumerator > 0 && quorumDenominator >= quorumNumerator && quorumDenominator <= 100;
	}

	boolean passValid() {
		return passNumerator > 0 && passDenominator >= passNumerator && passDenominator <= 100;
	}

}
