package org.chamberlink.notification;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.chamberlink.shared.ChinaTime;

/** A message in the outbox as the staff page and the API show it (an SMS recipient masked). */
public record OutboxMessage(Long id, Channel channel, String recipient, String subject, String topic,
		OutboxStatus status, int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError,
		OffsetDateTime createdAt) {

	public LocalDateTime nextAttemptInChina() {
		return ChinaTime.of(nextAttemptAt);
	}

	/** When it was sent, or queued while not sent yet, in China time. */
	public LocalDateTime lastEventInChina() {
		return ChinaTime.of(sentAt != null ? sentAt : createdAt);
	}

}
