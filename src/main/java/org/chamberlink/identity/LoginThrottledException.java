package org.chamberlink.identity;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused before the password is checked: the account or address is locked or slowed. */
class LoginThrottledException extends AuthenticationException {

	enum Reason {

		ACCOUNT_LOCKED, ADDRESS_LOCKED, SLOWED

	}

	private final Reason reason;

	private final Duration wait;

	LoginThrottledException(Reason reason, Duration wait) {
		super(reason.name());
		this.reason = reason;
		this.wait = wait;
	}

	Reason reason() {
		return reason;
	}

	Duration waitTime() {
		return wait;
	}

	/** Minutes (locks) or seconds (slow-down) to wait, rounded up, for the message. */
	long waitAmount() {
		return reason == Reason.SLOWED ? Math.max(1, (wait.toMillis() + 999) / 1000)
				: Math.max(1, (wait.toSeconds() + 59) / 60);
	}

}
