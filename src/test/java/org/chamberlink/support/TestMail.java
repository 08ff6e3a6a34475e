package org.chamberlink.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server (GreenMail) on port 3025 for the whole test JVM, where application-test.yml
 * points spring.mail; started by the first test that needs it.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP);
			server.start();
		}
		return server;
	}

	/** Simulates the mail server going away (and {@link #server()} brings it back). */
	public static synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

}
