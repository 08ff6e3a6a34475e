package org.chamberlink.web;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ShellWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	org.chamberlink.identity.ApiTokens tokens;

	@Test
	void pagesRequireSignInAndCarrySecurityHeadersAndARequestId() {
		WebSession anonymous = new WebSession(port);
		var response = anonymous.get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(anonymous.location(response)).isEqualTo("/login");
		var login = new WebSession(port).get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(login.body()).contains("登录您的账户").doesNotContain("<script>", "style=\"");
	}

	@Test
	void theLanguageSwitchesToEnglishAndStays() {
		var user = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.get("/").body()).contains("工作台", "首页");
		assertThat(browser.get("/?lang=en").body()).contains("Dashboard", "Home");
		assertThat(browser.get("/account").body()).contains("My account");
	}

	@Test
	void jumpingToAPageAsPeopleCountKeepsTheFilter() {
		var user = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		var jump = browser.get("/members?keyword=%E5%BC%A0&jump=7");
		assertThat(jump.statusCode()).isEqualTo(302);
		assertThat(browser.location(jump)).isEqualTo("/members?keyword=%E5%BC%A0&page=6");
		assertThat(browser.location(browser.get("/cases?jump=abc"))).isEqualTo("/cases?page=0");
		assertThat(browser.location(browser.get("/cases?jump=-4"))).isEqualTo("/cases?page=0");
	}

	@Test
	void unknownPagesAnswerTheLocalized404Page() {
		var user = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		var response = browser.get("/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("页面不存在", "返回首页");
	}

	@Test
	void unknownApiPathsAndWrongMethodsAnswerProblemDetails() {
		var user = new TestAccounts(accountManagement).create(Role.STAFF);
		var token = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		String secret = tokens.create(user.id(), "test").secret();
		var unknown = Api.get(port, "/api/v1/no-such-thing", secret);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknown.body()).contains("记录不存在");
		var wrongMethod = Api.post(port, "/api/v1/me", secret, "{}");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.body()).contains("不支持此请求方法");
		assertThat(token.get("/no-such-page").body()).contains("页面不存在");
	}

	@Test
	void onlyHealthIsPublicAmongOperationsEndpoints() {
		assertThat(Api.get(port, "/actuator/health", null).body()).contains("\"status\":\"UP\"");
		assertThat(Api.get(port, "/actuator/prometheus", null).statusCode()).isIn(302, 401);
		var staff = new TestAccounts(accountManagement).create(Role.STAFF);
		assertThat(WebSession.signedIn(port, staff.getUsername(), TestAccounts.PASSWORD)
			.get("/actuator/prometheus")
			.statusCode()).isEqualTo(403);
		var admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		var metrics = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD).get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests");
	}

	@Test
	void theOpenApiDescriptionNeedsSignInAndDescribesTheApi() {
		assertThat(Api.get(port, "/v3/api-docs", null).statusCode()).isIn(302, 401);
		var user = new TestAccounts(accountManagement).create(Role.STAFF);
		var docs = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD).get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/me");
	}

}
