package org.chamberlink.activity;

import java.time.Instant;
import java.time.LocalDateTime;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

/** Checks of what staff type into an activity and its minutes, each refusal naming its field. */
final class ActivityInput {

	private ActivityInput() {
	}

	static String required(String value, int max, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new RuleViolationException(field, "activity.required", new org.springframework.context.support.DefaultMessageSourceResolvable(label));
		}
		TextLimit.atMost(field, label, value, max);
		return value.strip();
	}

	static String optional(String value, int max, String field, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		TextLimit.atMost(field, label, value, max);
		return value.strip();
	}

	/** A moment typed in China time, within the years the product plans for. */
	static Instant moment(LocalDateTime value, String field, boolean required) {
		if (value == null) {
			if (required) {
				throw new RuleViolationException(field, "activity.timeRequired",
						new org.springframework.context.support.DefaultMessageSourceResolvable("field." + field));
			}
			return null;
		}
		if (!ChinaTime.isPlannableYear(value.getYear())) {
			throw new RuleViolationException(field, "activity.timeImplausible",
					new org.springframework.context.support.DefaultMessageSourceResolvable("field." + field));
		}
		return value.atZone(ChinaTime.ZONE).toInstant();
	}

}
