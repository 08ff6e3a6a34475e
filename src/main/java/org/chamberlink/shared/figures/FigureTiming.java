package org.chamberlink.shared.figures;

/** How a figure depends on the period asked for. */
public enum FigureTiming {

	/** The state today (organisations, current memberships): the period is not used. */
	TODAY,
	/** Things dated within the period, both ends included (cases filed from … to). */
	PERIOD,
	/** Kept per calendar year (dues): the year in which the period ends. */
	YEAR,
	/** The state on the period's last day (memberships by industry, decision 52): dated records counted as of then. */
	AS_OF

}
