package org.chamberlink.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts {@link TestMail} once per test JVM, before any test class (and so before the Spring
 * context they share), and stops it at the end. Registered in
 * META-INF/services/org.junit.platform.launcher.LauncherSessionListener.
 */
public class TestMailSession implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		TestMail.server();
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		TestMail.stop();
	}

}
