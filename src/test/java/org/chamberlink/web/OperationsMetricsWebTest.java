package org.chamberlink.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations metrics beyond the JVM's (issue 23) on {@code /actuator/prometheus}: the outbox's
 * backlog and dead messages, background jobs, overdue cases, sign-in lock-outs — each moving with
 * what it counts.
 */
@IntegrationTest
class OperationsMetricsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMetricsCountWhatTheyName() {
		AccountPrincipal admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		WebSession operator = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		String before = operator.get("/actuator/prometheus").body();
		for (String series : new String[] { "chamberlink_outbox_messages{status=\"pending\"}",
				"chamberlink_outbox_messages{status=\"dead\"}", "chamberlink_cases_overdue ",
				"chamberlink_login_locked{kind=\"account\"}", "chamberlink_login_locked{kind=\"address\"}",
				"chamberlink_jobs{module=\"member\",status=\"failed\"}", "chamberlink_jobs{module=\"dues\",status=\"running\"}" }) {
			assertThat(before).as(series).contains(series);
		}

		// a message given up on, and an account locked after five wrong passwords
		jdbc.sql("""
				insert into notification_outbox (channel, recipient, subject, body, topic, dedup_key, status, attempts)
				values ('MAIL', 'metrics@example.cn', '测试', '测试', 'test', :key, 'DEAD', 8)
				""").param("key", "metrics-test-" + System.nanoTime()).update();
		AccountPrincipal guessed = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession guesser = new WebSession(port);
		for (int i = 0; i < 5; i++) {
			guesser.login(guessed.getUsername(), "Wrong-Passw0rd-" + i);
		}
		String after = operator.get("/actuator/prometheus").body();
		assertThat(value(after, "chamberlink_outbox_messages{status=\"dead\"}"))
			.isEqualTo(value(before, "chamberlink_outbox_messages{status=\"dead\"}") + 1);
		assertThat(value(after, "chamberlink_login_locked{kind=\"account\"}"))
			.isGreaterThanOrEqualTo(value(before, "chamberlink_login_locked{kind=\"account\"}") + 1);
	}

	private static double value(String exposition, String series) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
		assertThat(matcher.find()).as(series).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
