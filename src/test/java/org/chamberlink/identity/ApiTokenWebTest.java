package org.chamberlink.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens: made on the account page or through the API, used as bearer tokens without
 * a session, stored only as a hash, every use audited, refused once revoked, and nobody reaches
 * another account's tokens.
 */
@IntegrationTest
@Tag("database")
class ApiTokenWebTest {

	/** The secret as the account page shows it once, right after creating the token. */
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
	void aTokenMadeOnTheAccountPageSignsItsAccountInWithoutASession() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		String secret = madeOnTheAccountPage(WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD));

		var me = Api.get(port, "/api/v1/me", secret);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(Json.text(me.body(), "$.username")).isEqualTo(account.getUsername());
		assertThat(me.body()).contains("AUDITOR");
		assertThat(me.headers().firstValue("Set-Cookie")).as("a token request creates no session").isEmpty();
	}

	@Test
	void aTokenIsStoredOnlyAsAHashAndEveryUseIsAudited() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		String secret = madeOnTheAccountPage(WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD));
		assertThat(Api.get(port, "/api/v1/me", secret).statusCode()).isEqualTo(200);

		assertThat(jdbc.sql("select count(*) from api_token where token_hash = :s").param("s", secret)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'TOKEN_USED' and actor = :u")
			.param("u", account.getUsername()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRevokedTokenIsRefusedWithAProblemDetailInChinese() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.AUDITOR);
		WebSession browser = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		String secret = madeOnTheAccountPage(browser);

		Long id = tokens.list(account.id()).get(0).id();
		browser.postForm("/account/tokens/" + id + "/revoke", Map.of());

		var refused = Api.get(port, "/api/v1/me", secret);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Json.text(refused.body(), "$.detail")).contains("API 令牌无效或已被撤销");
	}

	@Test
	void aTokenMadeThroughTheApiShowsItsSecretOnce() {
		String ownerSecret = tokens.create(new TestAccounts(accountManagement).create(Role.STAFF).id(), "owner").secret();
		var created = Api.post(port, "/api/v1/me/tokens", ownerSecret, "{\"name\":\"脚本\"}");
		assertThat(Json.text(Json.createdBody(created), "$.secret")).startsWith("clk_");
	}

	@Test
	void aTokenWithoutANameIsRefusedNamingTheField() {
		String ownerSecret = tokens.create(new TestAccounts(accountManagement).create(Role.STAFF).id(), "owner").secret();
		var invalid = Api.post(port, "/api/v1/me/tokens", ownerSecret, "{\"name\":\"\"}");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(Json.<List<String>>read(invalid.body(), "$.errors[*].field")).contains("name");
		assertThat(invalid.body()).contains("请填写“名称”");
	}

	@Test
	void anotherAccountsTokensAreNeitherListedNorRevokedAndAnswerNotFound() {
		AccountPrincipal owner = new TestAccounts(accountManagement).create(Role.STAFF);
		AccountPrincipal other = new TestAccounts(accountManagement).create(Role.STAFF);
		String ownerSecret = tokens.create(owner.id(), "owner").secret();
		String otherSecret = tokens.create(other.id(), "other").secret();
		Long otherTokenId = tokens.list(other.id()).get(0).id();

		assertThat(Json.<List<String>>read(Api.get(port, "/api/v1/me/tokens", ownerSecret).body(), "$..name"))
			.doesNotContain("other");
		assertThat(Api.delete(port, "/api/v1/me/tokens/" + otherTokenId, ownerSecret).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/me", otherSecret).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnauthenticatedApiCallGetsAProblemDetailInChinese() {
		HttpResponse<String> response = Api.get(port, "/api/v1/me", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Json.number(response.body(), "$.status")).isEqualTo(401);
		assertThat(Json.text(response.body(), "$.title")).isEqualTo("未登录");
	}

	private String madeOnTheAccountPage(WebSession browser) {
		browser.postForm("/account/tokens", Map.of("name", "财务系统对接"));
		Matcher matcher = SECRET.matcher(browser.get("/account").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
