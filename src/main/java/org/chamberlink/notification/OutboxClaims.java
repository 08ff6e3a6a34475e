package org.chamberlink.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox rows a worker holds, by claim token: claiming a batch with a lease
 * ({@code for update skip locked}, so several instances can run), renewing the lease before each
 * message, marking it sent or failed — each only while the claim is still the worker's own — and
 * handing back what a stop left unsent. The worker's rules live in {@link OutboxWorker}; the SQL here.
 */
@Component
class OutboxClaims {

	/** A claimed message: what sending it needs. */
	record Claimed(Long id, Channel channel, String recipient, byte[] recipientCipher, String subject, String body,
			int attempts) {
	}

	private final JdbcClient jdbc;

	OutboxClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims up to {@code size} messages due (or whose lease ran out) for {@code lease}. */
	List<Claimed> claim(UUID claim, Duration lease, int size) {
		return jdbc.sql("""
				update notification_outbox
				set status = 'SENDING', claim_token = :claim, locked_until = now() + cast(:lease as interval)
				where id in (select id from notification_outbox
				             where (status in ('PENDING', 'FAILED') and next_attempt_at <= now())
				                or (status = 'SENDING' and locked_until < now())
				             order by next_attempt_at, id limit :batch for update skip locked)
				returning id, channel, recipient, recipient_cipher, subject, body, attempts
				""")
			.param("claim", claim)
			.param("lease", interval(lease))
			.param("batch", size)
			.query(Claimed.class)
			.list();
	}

	/** False when the lease ran out and another worker claimed the message meanwhile. */
	boolean renew(Claimed message, UUID claim, Duration lease) {
		return jdbc.sql("""
				update notification_outbox set locked_until = now() + cast(:lease as interval)
				where id = :id and claim_token = :claim and status = 'SENDING'
				""")
			.param("lease", interval(lease))
			.param("id", message.id())
			.param("claim", claim)
			.update() == 1;
	}

	/** What a stop left unsent goes back as it was, for the next start (or another instance). */
	void handBack(UUID claim) {
		jdbc.sql("""
				update notification_outbox set status = case when attempts = 0 then 'PENDING' else 'FAILED' end,
				    locked_until = null, claim_token = null
				where claim_token = :claim and status = 'SENDING'
				""")
			.param("claim", claim)
			.update();
	}

	/** Marks a message sent (or logged); the number is no longer needed once sent. False if no longer ours. */
	boolean markSent(Claimed message, UUID claim, OutboxStatus status) {
		return jdbc.sql("""
				update notification_outbox set status = :status, sent_at = now(), locked_until = null, claim_token = null,
				    attempts = attempts + 1, last_error = null, recipient_cipher = null
				where id = :id and claim_token = :claim
				""")
			.param("status", status.name())
			.param("id", message.id())
			.param("claim", claim)
			.update() == 1;
	}

	/** Marks a failed attempt: retried after {@code delay}, or dead (its number forgotten). */
	void markFailed(Claimed message, UUID claim, int attempts, boolean dead, Duration delay, String error) {
		jdbc.sql("""
				update notification_outbox set status = :status, attempts = :attempts, locked_until = null,
				    claim_token = null, next_attempt_at = now() + cast(:delay as interval), last_error = :error,
				    recipient_cipher = case when :dead then null else recipient_cipher end
				where id = :id and claim_token = :claim
				""")
			.param("status", (dead ? OutboxStatus.DEAD : OutboxStatus.FAILED).name())
			.param("attempts", attempts)
			.param("delay", interval(delay))
			.param("error", error.substring(0, Math.min(500, error.length())))
			.param("dead", dead)
			.param("id", message.id())
			.param("claim", claim)
			.update();
	}

	private static String interval(Duration duration) {
		return duration.toMillis() + " milliseconds";
	}

}
