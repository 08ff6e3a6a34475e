package org.chamberlink.web;

/**
 * One choice a picker offers (fragments/picker.html, js/picker.js): the value its form sends, the
 * label the field shows once it is chosen, and a line that tells like names apart (a region's full
 * path, the organisation a member belongs to).
 *
 * @param value the region code or the record's id, as the form sends it
 * @param label what the field shows
 * @param detail where it is, or null
 */
public record Pick(String value, String label, String detail) {

	/** The most choices a picker's search answers: enough to see the right one, little enough to send. */
	public static final int MOST = 20;

}
