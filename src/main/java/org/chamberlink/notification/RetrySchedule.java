package org.chamberlink.notification;

import java.time.Duration;

/**
 * When a failed message is tried again: after the base delay, doubling with each failure up to the
 * maximum, and never again after the last allowed attempt.
 */
record RetrySchedule(Duration base, Duration max, int maxAttempts) {

	RetrySchedule(NotificationProperties properties) {
		this(properties.retryBase(), properties.retryMax(), properties.maxAttempts());
	}

	/** The delay before the next attempt, after {@code failures} failed attempts (1 or more). */
	Duration delayAfter(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 30);
		long millis = base.toMillis();
		long capped = millis > max.toMillis() >> doublings ? max.toMillis() : millis << doublings;
		return Duration.ofMillis(Math.min(capped, max.toMillis()));
	}

	boolean givesUpAfter(int failures) {
		return failures >= maxAttempts;
	}

}
