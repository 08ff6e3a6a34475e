package org.chamberlink.identity;

/**
 * The message key (and its number argument) that tells a person why sign-in failed, without
 * telling an attacker whether the account exists.
 *
 * @param key message key in messages*.properties
 * @param argument seconds or minutes to wait, where the message has one
 */
public record LoginFailureMessage(String key, long argument) {

	public static LoginFailureMessage of(Object exception) {
		if (exception instanceof LoginThrottledException throttled) {
			return switch (throttled.reason()) {
				case ACCOUNT_LOCKED -> new LoginFailureMessage("login.error.locked", throttled.waitAmount());
				case ADDRESS_LOCKED -> new LoginFailureMessage("login.error.addressLocked", throttled.waitAmount());
				case SLOWED -> new LoginFailureMessage("login.error.slowed", throttled.waitAmount());
			};
		}
		if (exception instanceof org.springframework.security.authentication.DisabledException) {
			return new LoginFailureMessage("login.error.disabled", 0);
		}
		return new LoginFailureMessage("login.error.badCredentials", 0);
	}

}
