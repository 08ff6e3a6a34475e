package org.chamberlink.notification;

/** Where a message in the outbox stands. */
public enum OutboxStatus {

	/** Queued, not tried yet. */
	PENDING,
	/** Claimed by a worker, whose lease ends at {@code locked_until}. */
	SENDING,
	/** Accepted by the mail server or the SMS gateway. */
	SENT,
	/** Written to the log only: no mail server is configured (the demo). */
	LOGGED,
	/** The last try failed; tried again at {@code next_attempt_at}. */
	FAILED,
	/** Given up after the configured number of attempts. */
	DEAD

}
