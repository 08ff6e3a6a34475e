package org.chamberlink.notification;

import java.time.OffsetDateTime;

/** A message in the outbox as the staff page and the API show it (an SMS recipient masked). */
public record OutboxMessage(Long id, Channel channel, String recipient, String subject, String topic,
		OutboxStatus status, int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError,
		OffsetDateTime createdAt) {
}
