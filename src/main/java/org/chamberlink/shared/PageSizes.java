package org.chamberlink.shared;

/**
 * How many rows a page shows, the same on every page of a kind: a list a secretary works through on
 * a phone, a log an administrator scans, the matches a search-as-you-type offers, a panel's short list.
 */
public final class PageSizes {

	/** A working list (members, organisations, cases, bills, applications). */
	public static final int LIST = 20;

	/** A log read top-down (audit log, outbox). */
	public static final int LOG = 50;

	/** A record's recent history shown under it. */
	public static final int HISTORY = 20;

	/** Matches offered while typing a name into a picker. */
	public static final int MATCHES = 10;

	/** The most rows a print view puts on paper; a larger list is exported to Excel instead. */
	public static final int PRINT = 2_000;

	/** A short list on a home-page panel. */
	public static final int PANEL = 8;

	private PageSizes() {
	}

}
