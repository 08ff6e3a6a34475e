package org.chamberlink.report;

/**
 * A cross-check that failed: an error blocks submission, a warning needs a comment.
 *
 * @param key the check's key (a warning's comment is stored under it)
 * @param cell the cell it is shown on
 * @param arguments the message arguments (cell names as message resolvables, values as text)
 */
public record Finding(String key, String cell, boolean error, String messageKey, Object[] arguments, String comment) {

	public String field() {
		return "cell." + cell;
	}

}
