package org.chamberlink.notification;

import java.time.OffsetDateTime;

/** A message in the outbox as the staff page and the API show it (phones masked). */
public record OutboxMessage(Long id, Channel channel, String recipient, String subject, String topic, String status,
		int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError, OffsetDateTime createdAt) {
}
