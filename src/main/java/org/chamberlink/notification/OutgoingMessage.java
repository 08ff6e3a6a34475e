package org.chamberlink.notification;

import java.util.regex.Pattern;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A message to send. Build it with {@link #mail} or {@link #sms}.
 *
 * @param recipient an e-mail address or a mobile phone number
 * @param subject the mail's subject; none for SMS (the outbox page shows the beginning of the text)
 * @param topic what the message is about (e.g. {@code dues.reminder}); recipients opt out per topic
 * @param dedupKey unique per message meant to be sent once (e.g. {@code dues.reminder:bill-42:2026-03-01}):
 * queuing it again does nothing
 */
public record OutgoingMessage(Channel channel, String recipient, String subject, String body, String topic,
		String dedupKey) {

	private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?\\d{6,20}");

	public OutgoingMessage {
		Assert.notNull(channel, "channel is required");
		recipient = channel == Channel.SMS ? normalizePhone(recipient) : trim(recipient);
		Assert.isTrue(recipient != null && recipient.length() <= 200
				&& (channel == Channel.SMS ? PHONE : MAIL).matcher(recipient).matches(),
				() -> "not a valid " + channel + " recipient");
		subject = trim(subject);
		Assert.isTrue(channel == Channel.SMS || StringUtils.hasText(subject), "a mail needs a subject");
		Assert.isTrue(subject == null || subject.length() <= 300, "subject longer than 300 characters");
		Assert.hasText(body, "body is required");
		Assert.isTrue(StringUtils.hasText(topic) && topic.length() <= 50, "topic is required, at most 50 characters");
		Assert.isTrue(StringUtils.hasText(dedupKey) && dedupKey.length() <= 200,
				"dedupKey is required, at most 200 characters");
	}

	public static OutgoingMessage mail(String to, String subject, String body, String topic, String dedupKey) {
		return new OutgoingMessage(Channel.MAIL, to, subject, body, topic, dedupKey);
	}

	public static OutgoingMessage sms(String phone, String text, String topic, String dedupKey) {
		return new OutgoingMessage(Channel.SMS, phone, null, text, topic, dedupKey);
	}

	/** The phone as gateways and opt-outs compare it: without spaces and hyphens. */
	static String normalizePhone(String phone) {
		return phone == null ? null : phone.replaceAll("[\\s-]", "");
	}

	private static String trim(String value) {
		return value == null ? null : value.strip();
	}

}
