package org.chamberlink.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox worker's settings ({@code chamberlink.notification.*}).
 *
 * @param pollInterval how often the worker looks for messages due
 * @param retryBase the first retry's delay; each further retry doubles it, up to {@code retryMax}
 * @param retryMax the longest delay between two attempts
 * @param maxAttempts attempts before a message is given up (DEAD)
 * @param lease how long a claimed message stays claimed (renewed before each message); a worker that
 * died leaves it to be retried after
 * @param batchSize messages claimed at once
 * @param workerEnabled false: this instance queues messages but sends none (another instance does)
 * @param mailFrom the sender address of mail
 */
@ConfigurationProperties("chamberlink.notification")
public record NotificationProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("1m") Duration retryBase,
		@DefaultValue("6h") Duration retryMax, @DefaultValue("8") int maxAttempts, @DefaultValue("5m") Duration lease,
		@DefaultValue("50") int batchSize, @DefaultValue("true") boolean workerEnabled,
		@DefaultValue("商联通 <noreply@chamberlink.local>") String mailFrom) {
}
