package org.chamberlink.member;

import org.chamberlink.shared.RuleViolationException;

/** One thing wrong with one field, as a message key (forms show it by the field, imports per row). */
public record FieldProblem(String field, String key, Object... args) {

	public RuleViolationException toException() {
		return new RuleViolationException(field, key, args);
	}

}
