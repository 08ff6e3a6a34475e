package org.chamberlink.shared;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A text field's length against its column (decision 30): over it, a refusal naming the field by
 * its label ("“退会原因”最多 200 个字"), before anything is written.
 */
public final class TextLimit {

	private TextLimit() {
	}

	/**
	 * @param field the field the refusal names (form and API)
	 * @param label the message key of the field's label
	 * @param max the column's length
	 */
	public static void atMost(String field, String label, String value, int max) {
		if (value != null && value.strip().length() > max) {
			throw new RuleViolationException(field, "input.tooLong", new DefaultMessageSourceResolvable(label), max);
		}
	}

}
