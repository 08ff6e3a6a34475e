package org.chamberlink.honour;

import org.chamberlink.shared.RuleViolationException;

/** Text as typed: trimmed, required or optional, within its length; refused naming the field. */
final class HonourInput {

	private HonourInput() {
	}

	static String required(String text, int most, String field) {
		String value = optional(text, most, field);
		if (value == null) {
			throw new RuleViolationException(field, "honour.required");
		}
		return value;
	}

	static String optional(String text, int most, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.codePointCount(0, value.length()) > most) {
			throw new RuleViolationException(field, "honour.tooLong", most);
		}
		if (value.chars().anyMatch(c -> c == 0)) {
			throw new RuleViolationException(field, "honour.invalidText");
		}
		return value;
	}

}
