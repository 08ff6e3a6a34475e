package org.chamberlink.identity;

import java.time.Duration;

import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A token this instance confirmed answers from memory for a minute (decision 54), yet a change made
 * behind the application's back — by another instance, or with psql — still stops it: the database
 * tells every listening instance at commit (NOTIFY, V133), and the instance forgets what it held.
 */
@IntegrationTest
@Tag("database")
class ApiTokenCacheWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ApiTokenCache cache;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aKnownTokenAnswersFromMemoryWithoutItsRow() {
		await().atMost(Duration.ofSeconds(10)).until(cache::isListening);
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		ApiTokens.CreatedToken token = tokens.create(account.id(), "cached");
		assertThat(Api.get(port, "/api/v1/me", token.secret()).statusCode()).isEqualTo(200);
		assertThat(cache.get(ApiTokens.hash(token.secret()), java.time.Instant.now())).as("held after the first use").isPresent();
	}

	@Test
	void aTokenRevokedBehindTheApplicationsBackIsRefusedAtOnce() {
		await().atMost(Duration.ofSeconds(10)).until(cache::isListening);
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		ApiTokens.CreatedToken token = tokens.create(account.id(), "revoked by psql");
		assertThat(Api.get(port, "/api/v1/me", token.secret()).statusCode()).isEqualTo(200);

		jdbc.sql("update api_token set revoked_at = now() where id = :id").param("id", token.token().id()).update();

		await().atMost(Duration.ofSeconds(2)).until(() -> Api.get(port, "/api/v1/me", token.secret()).statusCode() == 401);
		assertThat(cache.get(ApiTokens.hash(token.secret()), java.time.Instant.now())).isEmpty();
	}

	@Test
	void anAccountDisabledBehindTheApplicationsBackLosesItsTokensAtOnce() {
		await().atMost(Duration.ofSeconds(10)).until(cache::isListening);
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		ApiTokens.CreatedToken token = tokens.create(account.id(), "disabled by psql");
		assertThat(Api.get(port, "/api/v1/me", token.secret()).statusCode()).isEqualTo(200);

		jdbc.sql("update user_account set enabled = false where id = :id").param("id", account.id()).update();

		await().atMost(Duration.ofSeconds(2)).until(() -> Api.get(port, "/api/v1/me", token.secret()).statusCode() == 401);
	}

	@Test
	void aTokenRevokedThroughTheApplicationIsRefusedOnTheVeryNextRequest() {
		await().atMost(Duration.ofSeconds(10)).until(cache::isListening);
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		ApiTokens.CreatedToken token = tokens.create(account.id(), "revoked here");
		assertThat(Api.get(port, "/api/v1/me", token.secret()).statusCode()).isEqualTo(200);
		tokens.revoke(account.id(), token.token().id());
		assertThat(Api.get(port, "/api/v1/me", token.secret()).statusCode()).isEqualTo(401);
	}

}
