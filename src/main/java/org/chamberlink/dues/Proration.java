package org.chamberlink.dues;

/** What a member who joins during the year pays for that year, as the organisation chooses. */
public enum Proration {

	/** The whole year's amount. */
	FULL,
	/** The months from the joining month to December, twelfths of the amount. */
	MONTHLY,
	/** Nothing for the joining year. */
	NONE

}
