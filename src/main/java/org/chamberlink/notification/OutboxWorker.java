package org.chamberlink.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chamberlink.notification.OutboxClaims.Claimed;
import org.chamberlink.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on its own thread. A batch is claimed with a lease and a claim
 * token ({@code for update skip locked}, so several instances can run); before each message the
 * worker renews the lease, and it sends only while the claim is still its own, so a message whose
 * lease ran out and was claimed by another worker is not sent by both. Each is marked sent, or
 * failed with the next attempt pushed back exponentially ({@link RetrySchedule}). Stopping lets
 * the message in hand finish and be marked, and hands the rest of the batch back, so a stop and
 * restart never sends a message twice. Only a crash between the server's acceptance and the mark
 * can: the message is then sent again once its lease expires, with the same Message-ID
 * (decision 0016).
 */
@Component
class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	/** How long {@link #stop()} waits for the message being sent (SMTP timeouts are shorter). */
	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private final OutboxClaims claims;

	private final MailDelivery mail;

	private final SmsGateway sms;

	private final PersonalData personalData;

	private final NotificationProperties properties;

	private final RetrySchedule retries;

	private final Object signal = new Object();

	private volatile boolean running;

	/** The one thread that may work; a thread left over from a stop that timed out ends by itself. */
	private volatile Thread thread;

	OutboxWorker(OutboxClaims claims, MailDelivery mail, SmsGateway sms, PersonalData personalData,
			NotificationProperties properties) {
		this.claims = claims;
		this.mail = mail;
		this.sms = sms;
		this.personalData = personalData;
		this.properties = properties;
		this.retries = new RetrySchedule(properties);
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
		Thread stopping = thread;
		thread = null;
		wakeUp();
		try {
			// the message being sent finishes and is marked; the rest of the batch is handed back
			stopping.join(STOP_WAIT.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Wakes the worker now instead of at its next poll (after a commit that queued a message). */
	void wakeUp() {
		synchronized (signal) {
			signal.notifyAll();
		}
	}

	private boolean mayWork() {
		return running && thread == Thread.currentThread();
	}

	private void loop() {
		while (mayWork()) {
			try {
				if (drain() == 0) {
					synchronized (signal) {
						if (mayWork()) {
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
	private int drain() {
		UUID claim = UUID.randomUUID();
		List<Claimed> batch = claims.claim(claim, properties.lease(), properties.batchSize());
		int handled = 0;
		for (Claimed message : batch) {
			if (!mayWork()) {
				break;
			}
			if (claims.renew(message, claim, properties.lease())) {
				send(message, claim);
				handled++;
			}
		}
		claims.handBack(claim);
		return handled;
	}

	private void send(Claimed message, UUID claim) {
		OutboxStatus status;
		try {
			if (message.channel() == Channel.MAIL) {
				status = mail.send(message.id(), message.recipient(), message.subject(), message.body())
						? OutboxStatus.SENT : OutboxStatus.LOGGED;
			}
			else {
				sms.send(personalData.decrypt(message.recipientCipher()), message.body());
				status = OutboxStatus.SENT;
			}
		}
		catch (Exception e) {
			failed(message, claim, e);
			return;
		}
		if (!claims.markSent(message, claim, status)) {
			log.warn("Outbox message {} was sent after its lease ran out; another worker may send it again",
					message.id());
		}
	}

	private void failed(Claimed message, UUID claim, Exception e) {
		int attempts = message.attempts() + 1;
		boolean dead = retries.givesUpAfter(attempts);
		String error = String.valueOf(e.getMessage());
		log.warn("Outbox message {} failed (attempt {}{}): {}", message.id(), attempts, dead ? ", giving up" : "", error);
		claims.markFailed(message, claim, attempts, dead, retries.delayAfter(attempts), error);
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
