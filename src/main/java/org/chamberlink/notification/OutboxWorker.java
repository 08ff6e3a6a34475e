package org.chamberlink.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on its own thread. Messages are claimed with a lease
 * ({@code for update skip locked}, so several instances can run), sent one by one, and marked
 * sent, or failed with the next attempt pushed back exponentially. Stopping lets the message in
 * hand finish and be marked, and hands the rest of the batch back, so a stop and restart never
 * sends a message twice. Only a crash between the SMTP server's acceptance and the mark can: the
 * message is then sent again once its lease expires, with the same Message-ID.
 */
@Component
class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private record Claimed(Long id, Channel channel, String recipient, String subject, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	private final MailDelivery mail;

	private final SmsGateway sms;

	private final NotificationProperties properties;

	private final Object signal = new Object();

	private volatile boolean running;

	private Thread thread;

	OutboxWorker(JdbcClient jdbc, MailDelivery mail, SmsGateway sms, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.sms = sms;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (running || !properties.workerEnabled()) {
			return;
		}
		running = true;
		thread = new Thread(this::loop, "notification-outbox");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		synchronized (signal) {
			signal.notifyAll();
		}
		try {
			// the message being sent finishes (an SMTP exchange takes seconds at worst)
			thread.join(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Wakes the worker now instead of at its next poll (after a commit that queued mail). */
	void wakeUp() {
		synchronized (signal) {
			signal.notifyAll();
		}
	}

	private void loop() {
		while (running) {
			try {
				if (drain() == 0) {
					synchronized (signal) {
						if (running) {
							signal.wait(properties.pollInterval().toMillis());
						}
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// e.g. the database restarting: try again at the next poll
				log.warn("Outbox worker pass failed: {}", e.getMessage());
				sleepQuietly();
			}
		}
	}

	/** One pass: claims a batch and sends it; returns how many were handled. */
	int drain() {
		List<Claimed> batch = jdbc.sql("""
				update notification_outbox set status = 'SENDING', locked_until = now() + cast(:lease as interval)
				where id in (select id from notification_outbox
				             where (status in ('PENDING', 'FAILED') and next_attempt_at <= now())
				                or (status = 'SENDING' and locked_until < now())
				             order by next_attempt_at, id limit :batch for update skip locked)
				returning id, channel, recipient, subject, body, attempts
				""")
			.param("lease", properties.lease().toSeconds() + " seconds")
			.param("batch", properties.batchSize())
			.query(Claimed.class)
			.list();
		List<Long> handedBack = new ArrayList<>();
		int handled = 0;
		for (Claimed message : batch) {
			if (!running) {
				handedBack.add(message.id());
				continue;
			}
			send(message);
			handled++;
		}
		if (!handedBack.isEmpty()) {
			jdbc.sql("update notification_outbox set status = case when attempts = 0 then 'PENDING' else 'FAILED' end, "
					+ "locked_until = null where id in (:ids) and status = 'SENDING'")
				.param("ids", handedBack)
				.update();
		}
		return handled;
	}

	private void send(Claimed message) {
		try {
			String status = "SENT";
			if (message.channel() == Channel.MAIL) {
				status = mail.send(message.id(), message.recipient(), message.subject(), message.body()) ? "SENT" : "LOGGED";
			}
			else {
				sms.send(message.recipient(), message.body());
			}
			jdbc.sql("""
					update notification_outbox set status = :status, sent_at = now(), locked_until = null,
					    attempts = attempts + 1, last_error = null where id = :id
					""")
				.param("status", status)
				.param("id", message.id())
				.update();
		}
		catch (Exception e) {
			int attempts = message.attempts() + 1;
			boolean dead = attempts >= properties.maxAttempts();
			long delay = Math.min(properties.retryBase().toMillis() << Math.min(attempts - 1, 30),
					properties.retryMax().toMillis());
			String error = String.valueOf(e.getMessage());
			log.warn("Outbox message {} failed (attempt {}{}): {}", message.id(), attempts, dead ? ", giving up" : "", error);
			jdbc.sql("""
					update notification_outbox set status = :status, attempts = :attempts, locked_until = null,
					    next_attempt_at = now() + cast(:delay as interval), last_error = :error where id = :id
					""")
				.param("status", dead ? "DEAD" : "FAILED")
				.param("attempts", attempts)
				.param("delay", delay + " milliseconds")
				.param("error", error.substring(0, Math.min(500, error.length())))
				.param("id", message.id())
				.update();
		}
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(properties.pollInterval().toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
