package org.chamberlink.shared.figures;

/** What a figure counts, and so how it is shown. */
public enum FigureUnit {

	/** A number of things (organisations, members, bills, cases). */
	COUNT,
	/** An amount of money in fen (分), shown in yuan with two decimals. */
	MONEY_FEN,
	/** A percentage: numerator ÷ denominator × 100, truncated to two decimals as the reports do. */
	RATE,
	/** Calendar days; a ratio of days (an average) is shown with one decimal. */
	DAYS

}
