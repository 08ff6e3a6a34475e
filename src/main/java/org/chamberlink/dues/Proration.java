package org.chamberlink.dues;

/** What a member who joins during the year pays for that year, as the organisation chooses. */
public enum Proration {

	/** The whole year's amount. */
	FULL,
	/** The months from the joining month to December, twelfths of the amount. */
	MONTHLY,
	/** As {@link #MONTHLY}, rounded to whole yuan (1,666.67 → 1,667). */
	MONTHLY_YUAN,
	/** Nothing for the joining year. */
	NONE

}
