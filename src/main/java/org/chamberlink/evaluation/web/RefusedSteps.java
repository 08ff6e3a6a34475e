package org.chamberlink.evaluation.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The refusal block every evaluation page shares: a step is tried, and a refused one draws its page
 * again with the message on the row's field and what was typed ({@link RowRefusal}; the page answers
 * 422), writing nothing. Also how the pages read a typed whole number.
 */
@Component
class RefusedSteps {

	private final MessageSource messages;

	RefusedSteps(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Runs {@code step} (which answers where to go next); when it is refused, puts the refusal of
	 * {@code form} and {@code row} into the model and answers {@code page} drawn again. {@code typed}
	 * alternates field names and values.
	 */
	String attempt(Model model, Locale locale, String form, Long row, Supplier<String> step, Supplier<String> page, String... typed) {
		try {
			return step.get();
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of(form, row, e, messages, locale, typed));
			return page.get();
		}
	}

	/** A typed whole number, or null for nothing typed; anything else is refused on {@code field} with {@code key}. */
	static Integer number(String typed, String field, String key, Object... arguments) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException(field, key, arguments);
		}
	}

}
