package org.chamberlink.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for the whole test JVM on {@link #PORT}, where
 * application-test.yml points {@code spring.mail}. {@link TestMailSession} starts it when the test
 * run begins, before the shared Spring context, so the outbox worker never finds it missing.
 */
public final class TestMail {

	/**
	 * 3025, which application-test.yml gives {@code spring.mail.port}; {@code -Dtest.mail.port=…}
	 * moves both, for a second checkout testing on the same machine at the same time.
	 */
	public static final int PORT = Integer.getInteger("test.mail.port", 3025);

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
		return server;
	}

	/** The mail received so far for addresses of the domain (each test uses a domain of its own). */
	public static List<MimeMessage> received(String domain) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> to(m).endsWith("@" + domain)).toList();
	}

	/** Stops the server for a fault test (the mail server down); the next {@link #server()} starts it again. */
	public static synchronized void stopForFault() {
		stop();
	}

	static synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	private static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
