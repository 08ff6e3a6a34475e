package org.chamberlink.web;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestMail;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} tells an operator what is wrong (issue 23): the mail server down is
 * DEGRADED — shown with the server and the error, answered 200, readiness still UP, since pages serve
 * and mail waits in the outbox; the database check reports how long it took; the storage where uploads
 * go is DOWN below its threshold, with the free bytes.
 */
@IntegrationTest
class HealthWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	StorageHealth storage;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theMailServerDownIsDegradedNotDownAndReadinessStaysUp() {
		AccountPrincipal admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		WebSession operator = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		TestMail.server();
		var up = operator.getJson("/actuator/health");
		assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
		assertThat(Json.text(up.body(), "$.components.mail.details.reachable")).isEqualTo("true");
		assertThat(Json.text(up.body(), "$.components.db.status")).isEqualTo("UP");
		assertThat(Json.text(up.body(), "$.components.db.details.tookMillis")).isNotEqualTo("null");
		assertThat(Json.text(up.body(), "$.components.storage.status")).isEqualTo("UP");
		assertThat(Json.text(up.body(), "$.components.storage.details.uploadTemp.writable")).isEqualTo("true");

		TestMail.stopForFault();
		try {
			var down = operator.getJson("/actuator/health");
			assertThat(down.statusCode()).as("DEGRADED answers 200: " + down.body()).isEqualTo(200);
			assertThat(Json.text(down.body(), "$.status")).isEqualTo("DEGRADED");
			assertThat(Json.text(down.body(), "$.components.mail.status")).isEqualTo("DEGRADED");
			assertThat(Json.text(down.body(), "$.components.mail.details.reachable")).isEqualTo("false");
			assertThat(Json.text(down.body(), "$.components.mail.details.server")).isEqualTo("127.0.0.1:" + TestMail.PORT);
			var readiness = new WebSession(port).get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"UP\"");
		}
		finally {
			TestMail.server();
		}
	}

	@Test
	void mailsFailedAndAwaitingTheirRetryAreDegradedWithTheLastError() {
		AccountPrincipal admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		WebSession operator = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		// a mail whose last attempt failed, its retry far enough away that the worker leaves it alone
		long id = jdbc.sql("""
				insert into notification_outbox (channel, recipient, subject, body, topic, dedup_key, status, attempts,
				                                 next_attempt_at, last_error)
				values ('MAIL', 'health@example.cn', '测试', '测试', 'test', :key, 'FAILED', 1, now() + interval '1 day',
				        '421 Service not available')
				returning id
				""").param("key", "health-test-" + System.nanoTime()).query(Long.class).single();
		try {
			var health = operator.getJson("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(Json.text(health.body(), "$.components.mail.status")).isEqualTo("DEGRADED");
			assertThat(Json.number(health.body(), "$.components.mail.details.failedAwaitingRetry")).isPositive();
			assertThat(Json.text(health.body(), "$.components.mail.details.lastError")).isNotEqualTo("null");
		}
		finally {
			jdbc.sql("delete from notification_outbox where id = :id").param("id", id).update();
		}
	}

	@Test
	void storageBelowItsThresholdIsDownWithTheFreeBytes() {
		assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
		Health full = storage.health(DataSize.ofTerabytes(1_000_000));
		assertThat(full.getStatus()).isEqualTo(Status.DOWN);
		assertThat(full.getDetails()).containsKey("uploadTemp").containsEntry("threshold",
				DataSize.ofTerabytes(1_000_000).toBytes());
		assertThat(full.getDetails()).as("the embedded database's own disk is watched too").containsKey("database");
	}

}
