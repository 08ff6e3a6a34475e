package org.chamberlink.report;

/**
 * A cell's stored state.
 *
 * @param recorded what the records (or the accepted returns below plus the level's own records) say; null if typed
 * @param value what the return says
 * @param reason why a value differs from the recorded one
 */
public record CellValue(String key, Long recorded, Long value, String reason) {

	/** A typed change of a pre-filled cell. */
	public boolean adjusted() {
		return recorded != null && value != null && !recorded.equals(value);
	}

}
