package org.chamberlink.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running application (issue 23, decision 54): PostgreSQL stops
 * accepting connections to the application's database and the open ones are terminated — what a
 * restart or an outage does to the pool. A signed-in page and an API call then answer within a few
 * seconds (the pool's connection timeout, 3 s) with 503, {@code Retry-After} and the message that
 * the database is unavailable — the Chinese error page, an RFC 9457 problem detail — not a bare 500
 * after half a minute; the health endpoint says DOWN. Once PostgreSQL accepts connections again the
 * same instance serves again without a restart.
 */
@IntegrationTest
@Tag("database")
class DatabaseOutageWebTest {

	/** The pool's connection timeout (3 s) plus generous room for a shared, loaded machine. */
	static final Duration BOUND = Duration.ofSeconds(12);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	DataSource dataSource;

	@Test
	void aDatabaseThatRefusesConnectionsAnswers503FastWithTheMessageAndTheInstanceRecoversByItself() throws Exception {
		AccountPrincipal admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		WebSession browser = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		String token = tokens.create(admin.id(), "outage").secret();
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/me", token).statusCode()).isEqualTo(200);

		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		String database;
		try (Connection inside = hikari.getConnection()) {
			database = inside.getCatalog();
		}
		// a connection to the cluster's maintenance database, which stays open through the outage
		String url = hikari.getJdbcUrl().replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
		try (Connection outside = DriverManager.getConnection(url, hikari.getUsername(), hikari.getPassword());
				Statement sql = outside.createStatement()) {
			try {
				sql.execute("alter database " + database + " allow_connections false");
				sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");

				long started = System.nanoTime();
				HttpResponse<String> page = browser.get("/");
				Duration pageTook = Duration.ofNanos(System.nanoTime() - started);
				assertThat(page.statusCode()).isEqualTo(503);
				assertThat(pageTook).isLessThan(BOUND);
				assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
				assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("text/html"));
				assertThat(page.body()).contains("数据库暂时不可用，请稍后重试").contains("服务暂时不可用");

				started = System.nanoTime();
				HttpResponse<String> api = Api.get(port, "/api/v1/me", token);
				Duration apiTook = Duration.ofNanos(System.nanoTime() - started);
				assertThat(api.statusCode()).isEqualTo(503);
				assertThat(apiTook).isLessThan(BOUND);
				assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
				assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
				assertThat(api.body()).contains("\"status\":503").contains("数据库暂时不可用，请稍后重试");

				started = System.nanoTime();
				HttpResponse<String> health = HttpClient.newHttpClient().send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				// the database check and the outbox's counts each wait out the connection timeout
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND.multipliedBy(2));
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(health.body()).contains("\"DOWN\"");
			}
			finally {
				sql.execute("alter database " + database + " allow_connections true");
				// back without a restart (and ready for the next test class on this context)
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					assertThat(Api.get(port, "/api/v1/me", token).statusCode()).isEqualTo(200);
					assertThat(browser.get("/").statusCode()).isEqualTo(200);
				});
			}
		}
	}

}
