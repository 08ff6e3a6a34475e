package org.chamberlink.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server and the outbox on {@code /actuator/health} as {@code mail} (issue 23), in place of
 * Boot's check, which would report the whole application DOWN while its pages serve perfectly well:
 * the SMTP server not reachable within {@code chamberlink.health.mail-timeout} (2 s), or the outbox
 * holding mails whose last attempt failed, is DEGRADED — shown, answered with 200, never taking an
 * instance out of a load balancer or its readiness (mail waits in the outbox and goes once the server
 * is back). The details say which: the server's address and the error, the count of failed mails
 * waiting for their retry and of those given up on, the last error. Without an SMTP server (the
 * demo, mail written to the log) it is UP.
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "mail is not going out");

	private final ObjectProvider<JavaMailSender> senders;

	private final JdbcClient jdbc;

	private final Duration timeout;

	MailHealth(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc,
			@Value("${chamberlink.health.mail-timeout:2s}") Duration timeout) {
		this.senders = senders;
		this.jdbc = jdbc;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		JavaMailSender sender = senders.getIfAvailable();
		if (!(sender instanceof JavaMailSenderImpl smtp) || smtp.getHost() == null) {
			health.withDetail("mode", sender == null ? "log" : "custom");
		}
		else {
			int port = smtp.getPort() > 0 ? smtp.getPort() : 25;
			health.withDetail("server", smtp.getHost() + ":" + port);
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(smtp.getHost(), port), (int) timeout.toMillis());
				health.withDetail("reachable", true);
			}
			catch (IOException e) {
				health.status(DEGRADED).withDetail("reachable", false).withDetail("error", String.valueOf(e.getMessage()));
			}
		}
		Outbox outbox;
		try {
			outbox = jdbc.sql("""
					select count(*) filter (where status = 'FAILED') as failed,
					       count(*) filter (where status = 'DEAD') as dead,
					       (select last_error from notification_outbox where status = 'FAILED' and channel = 'MAIL'
					        order by id desc limit 1) as last_error
					  from notification_outbox
					 where status in ('FAILED', 'DEAD') and channel = 'MAIL'
					""").query(Outbox.class).single();
		}
		catch (org.springframework.dao.DataAccessException e) {
			// the database's own check says DOWN; the mail server is judged by itself
			return health.withDetail("outbox", "not readable: " + e.getClass().getSimpleName()).build();
		}
		health.withDetail("failedAwaitingRetry", outbox.failed()).withDetail("dead", outbox.dead());
		if (outbox.failed() > 0) {
			health.status(DEGRADED).withDetail("lastError", String.valueOf(outbox.lastError()));
		}
		return health.build();
	}

	record Outbox(long failed, long dead, String lastError) {
	}

}
