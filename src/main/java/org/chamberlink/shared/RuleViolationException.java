package org.chamberlink.shared;

/**
 * A business rule the input breaks (a duplicate, a wrong current password, an illegal state
 * change). Carries the field it concerns, so a form can show the message next to it, and a
 * message key, so the text is in the user's language.
 */
public class RuleViolationException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public RuleViolationException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

}
