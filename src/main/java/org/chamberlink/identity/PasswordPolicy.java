package org.chamberlink.identity;

import org.chamberlink.shared.RuleViolationException;

/**
 * What a new password must be: at least 10 characters, letters and digits, not the username.
 * Breaking a rule names the field and the rule in the user's language.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static void check(String field, String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new RuleViolationException(field, "password.tooShort", MIN_LENGTH);
		}
		if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			throw new RuleViolationException(field, "password.needsLettersAndDigits");
		}
		if (password.equalsIgnoreCase(username)) {
			throw new RuleViolationException(field, "password.sameAsUsername");
		}
	}

}
