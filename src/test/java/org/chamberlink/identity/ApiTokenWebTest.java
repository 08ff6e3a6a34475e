package org.chamberlink.identity;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Tag("database")
class ApiTokenWebTest {

	static final Pattern SECRET = Pattern.compile("data-testid=\"created-token\"[^>]*>(clk_[A-Za-z0-9_-]+)<");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenCreatedOnTheAccountPageWorksUntilRevokedAndIsStoredOnlyAsAHash() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		WebSession browser = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		browser.postForm("/account/tokens", Map.of("name", "财务系统对接"));
		Matcher matcher = SECRET.matcher(browser.get("/account").body());
		assertThat(matcher.find()).isTrue();
		String secret = matcher.group(1);

		var me = Api.get(port, "/api/v1/me", secret);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"" + account.getUsername() + "\"", "AUDITOR");
		assertThat(me.headers().firstValue("Set-Cookie")).as("a token request creates no session").isEmpty();
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = :s").param("s", secret)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'TOKEN_USED' and actor = :u")
			.param("u", account.getUsername()).query(Long.class).single()).isEqualTo(1);

		Long id = tokens.list(account.id()).get(0).id();
		browser.postForm("/account/tokens/" + id + "/revoke", Map.of());

		var refused = Api.get(port, "/api/v1/me", secret);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("API 令牌无效或已被撤销");
	}

	@Test
	void tokensAreManagedThroughTheApiAndOthersTokensAnswerNotFound() {
		AccountPrincipal owner = new TestAccounts(accountManagement).create(Role.STAFF);
		AccountPrincipal other = new TestAccounts(accountManagement).create(Role.STAFF);
		String ownerSecret = tokens.create(owner.id(), "owner").secret();
		String otherSecret = tokens.create(other.id(), "other").secret();
		Long otherTokenId = tokens.list(other.id()).get(0).id();

		var created = Api.post(port, "/api/v1/me/tokens", ownerSecret, "{\"name\":\"脚本\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"secret\":\"clk_");

		var invalid = Api.post(port, "/api/v1/me/tokens", ownerSecret, "{\"name\":\"\"}");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("\"field\":\"name\"", "请填写“名称”");

		var foreign = Api.get(port, "/api/v1/me/tokens", ownerSecret);
		assertThat(foreign.body()).doesNotContain("\"other\"");
		assertThat(Api.delete(port, "/api/v1/me/tokens/" + otherTokenId, ownerSecret).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/me", otherSecret).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnauthenticatedApiCallGetsAProblemDetailInChinese() {
		var response = Api.get(port, "/api/v1/me", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"status\":401", "\"title\":\"未登录\"");
	}

}
