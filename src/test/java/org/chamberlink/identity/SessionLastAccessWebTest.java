package org.chamberlink.identity;

import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's row is written back only when something besides its access time changed, or the
 * access time moved by a minute or more (decision 54): a page view within the minute costs a read,
 * not a write and a durable commit.
 */
@IntegrationTest
@Tag("database")
class SessionLastAccessWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAccessTimeIsWrittenOnceAMinuteNotOnEveryRequest() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		WebSession browser = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		long signedIn = lastAccess(account);

		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(lastAccess(account)).as("within the minute: the row is left alone").isEqualTo(signedIn);

		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000 "
				+ "where principal_name = :u").param("u", account.getUsername()).update();
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(lastAccess(account)).as("two minutes later: written").isGreaterThanOrEqualTo(signedIn);
	}

	@Test
	void signingOutStillEndsTheSession() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		WebSession browser = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.postForm("/logout", java.util.Map.of()).statusCode()).isEqualTo(302);
		assertThat(browser.location(browser.get("/account"))).endsWith("/login");
	}

	private long lastAccess(AccountPrincipal account) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = :u")
			.param("u", account.getUsername())
			.query(Long.class)
			.single();
	}

}
