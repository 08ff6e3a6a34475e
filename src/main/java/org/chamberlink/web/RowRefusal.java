package org.chamberlink.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;

/**
 * A refused form of a page that shows one such form per row (each planned visit, each ledger
 * entry), where one bound form object cannot say which row it was: the form and row, what was
 * typed, and the message for its field (decision 25). The page is drawn again with it.
 */
public record RowRefusal(String form, Long row, Map<String, String> typed, String field, String message) {

	/** {@code typed} alternates names and values, as the form posted them (a null value is kept as blank). */
	public static RowRefusal of(String form, Long row, RuleViolationException e, MessageSource messages, Locale locale,
			String... typed) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i + 1 < typed.length; i += 2) {
			values.put(typed[i], typed[i + 1] == null ? "" : typed[i + 1]);
		}
		return new RowRefusal(form, row, Map.copyOf(values), e.field(),
				messages.getMessage(e.messageKey(), e.arguments(), locale));
	}

	/** A typed value other than text (a number, a day, a chosen id) as the form shows it again: blank for none. */
	public static String asTyped(Object value) {
		return value == null ? "" : value.toString();
	}

	/** Whether this refusal belongs to that form of that row. */
	public boolean is(String form, Long row) {
		// a form posted without its row (a hand-made request) matches no row: its message is not shown on one
		return this.form.equals(form) && Objects.equals(this.row, row);
	}

	/** What was typed into the named field. */
	public String value(String name) {
		return typed.getOrDefault(name, "");
	}

	/** Whether the message concerns the named field. */
	public boolean on(String name) {
		return name.equals(field);
	}

}
