package org.chamberlink.notification;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail through the configured SMTP server ({@code spring.mail.host}); without one (the demo)
 * the mail is written to the log instead, and the outbox says so. Each message carries a
 * Message-ID fixed per outbox row, so a receiver can recognise a re-delivery after a crash.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final ObjectProvider<JavaMailSender> senders;

	private final NotificationProperties properties;

	MailDelivery(ObjectProvider<JavaMailSender> senders, NotificationProperties properties) {
		this.senders = senders;
		this.properties = properties;
		JavaMailSender sender = senders.getIfAvailable();
		if (sender instanceof JavaMailSenderImpl impl) {
			log.info("Mail is sent through SMTP server {}:{}", impl.getHost(), impl.getPort());
		}
		else if (sender == null) {
			log.info("No mail server configured (SPRING_MAIL_HOST): mail is written to the log only, status LOGGED");
		}
	}

	/** Sends the mail; returns false when it was only logged (no SMTP server configured). */
	boolean send(long outboxId, String to, String subject, String body) throws MessagingException {
		JavaMailSender sender = senders.getIfAvailable();
		if (sender == null) {
			log.info("Mail to {} (logged, no spring.mail.host configured): {}", to, subject);
			return false;
		}
		String messageId = "<outbox-" + outboxId + "@chamberlink>";
		Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : null;
		MimeMessage message = session == null ? sender.createMimeMessage() : new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
		helper.setFrom(properties.mailFrom());
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(body, false);
		sender.send(message);
		return true;
	}

}
