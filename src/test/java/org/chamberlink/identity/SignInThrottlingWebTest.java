package org.chamberlink.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInThrottlingWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveWrongPasswordsLockTheAccountVisiblyAndAudited() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = new WebSession(port);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> failed = browser.login(account.getUsername(), "wrong-password-" + i);
			assertThat(browser.location(failed)).isEqualTo("/login?error");
		}
		HttpResponse<String> page = browser.get("/login?error");
		assertThat(page.body()).contains("登录失败次数过多，账户已锁定，请 15 分钟后再试。");

		// Even the right password is refused while the lock lasts.
		browser.login(account.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.get("/login?error").body()).contains("账户已锁定");

		assertThat(count("LOGIN_FAILED", account.getUsername())).isEqualTo(5);
		assertThat(count("LOGIN_LOCKED", account.getUsername())).isEqualTo(1);
	}

	@Test
	void aWrongPasswordSaysSoWithoutRevealingWhetherTheAccountExists() {
		WebSession browser = new WebSession(port);
		browser.login("nobody-" + System.nanoTime(), "whatever-123");
		assertThat(browser.get("/login?error").body()).contains("用户名或密码错误。");
	}

	@Test
	void aSuccessfulSignInIsAuditedAndResetsTheCount() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = new WebSession(port);
		browser.login(account.getUsername(), "wrong-password");
		HttpResponse<String> ok = browser.login(account.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.location(ok)).isEqualTo("/");
		assertThat(count("LOGIN", account.getUsername())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from login_throttle where throttle_key = :k")
			.param("k", "user:" + account.getUsername())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.postFormWithoutCsrf("/account/tokens", Map.of("name", "x")).statusCode()).isEqualTo(403);
	}

	private long count(String action, String actor) {
		return jdbc.sql("select count(*) from audit_log where action = :a and actor = :u")
			.param("a", action)
			.param("u", actor)
			.query(Long.class)
			.single();
	}

}
