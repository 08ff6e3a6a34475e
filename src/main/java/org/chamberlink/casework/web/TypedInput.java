package org.chamberlink.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chamberlink.shared.RuleViolationException;

/**
 * What a step's form sent, read as the services take it. A value that cannot be read (a date that is
 * not one, a rating that is not a number) is refused on its field like a missing one, with the typed
 * text kept in the form, instead of a bare 400 for the binding.
 */
final class TypedInput {

	private TypedInput() {
	}

	/** An ISO date as typed; blank is none, anything else not a date is refused with the given message. */
	static LocalDate date(String typed, String field, String messageKey) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException e) {
			throw new RuleViolationException(field, messageKey);
		}
		// a day the system cannot mean (year 0, 99999) is refused like one that is not a date
		if (!org.chamberlink.shared.CalendarDates.plausible(date)) {
			throw new RuleViolationException(field, messageKey);
		}
		return date;
	}

	/** A rating as chosen; one that is not a whole number is refused as out of range. */
	static Integer rating(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("rating", "case.ratingRange");
		}
	}

}
