package org.chamberlink.notification;

/**
 * A message to send.
 *
 * @param recipient an e-mail address or a mobile phone number
 * @param topic what the message is about (e.g. {@code dues.reminder}); recipients opt out per topic
 * @param dedupKey unique per message meant to be sent once: queuing it again does nothing
 */
public record OutgoingMessage(Channel channel, String recipient, String subject, String body, String topic,
		String dedupKey) {
}
