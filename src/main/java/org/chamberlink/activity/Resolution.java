package org.chamberlink.activity;

/** A resolution put to a meeting, with its votes; {@code passed} as the minutes recorded it. */
public record Resolution(String text, int votesFor, int votesAgainst, int votesAbstain, boolean passed) {

	/** A resolution as typed, before the minutes decide whether it passed. */
	public static Resolution of(String text, int votesFor, int votesAgainst, int votesAbstain) {
		return new Resolution(text, votesFor, votesAgainst, votesAbstain, false);
	}

	int votes() {
		return votesFor + votesAgainst + votesAbstain;
	}

}
