package org.chamberlink.casework;

import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Checks of what people type into cases: required texts, optional ones with a length, amounts in yuan. */
final class CaseInput {

	private CaseInput() {
	}

	static <T> T required(T value, String field, String key) {
		if (value == null) {
			throw new RuleViolationException(field, key);
		}
		return value;
	}

	static String text(String value, int max, String field, String key) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw new RuleViolationException(field, key);
		}
		return value.strip();
	}

	/** Yuan as typed, in fen; blank is no amount. */
	static Long amount(String yuan, String field, String labelKey) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		Long fen = Fen.parse(yuan);
		if (fen == null) {
			throw new RuleViolationException(field, "case.amountInvalid",
					new DefaultMessageSourceResolvable(labelKey));
		}
		return fen;
	}

	/** An optional text: blank is none; longer than {@code max} is refused, naming the field by its label. */
	static String optional(String value, int max, String field, String labelKey) {
		String text = blankToNull(value);
		if (text != null && text.length() > max) {
			throw new RuleViolationException(field, "case.tooLong",
					new DefaultMessageSourceResolvable(labelKey), max);
		}
		return text;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
