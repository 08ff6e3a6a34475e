package org.chamberlink.identity;

import java.util.Map;

import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;
import static org.chamberlink.support.Refusals.fieldMessage;

/** Decision 25 for one's own account: the mail address, API tokens and the password change. */
@IntegrationTest
class IdentityFormsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountEmails emails;

	@Test
	void theApiRefusesATokenWithoutNameWith422NamingIt() {
		AccountPrincipal me = new TestAccounts(accountManagement).create(Role.STAFF);
		String secret = tokens.create(me.id(), "script").secret();
		assertApiRefused(Api.post(port, "/api/v1/me/tokens", secret, "{\"name\":\" \"}"), "name", "名称");
		assertThat(tokens.list(me.id())).hasSize(1);
	}

	@Test
	void aBadMailAddressComesBackAsTypedWithTheMessageOnIt() {
		AccountPrincipal me = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, me.getUsername(), TestAccounts.PASSWORD);
		browser.get("/account");
		var page = browser.postForm("/account/email", Map.of("email", "wang at example"));
		assertFormKept(page, "email", "电子邮箱：格式不正确", "wang at example");
		assertThat(emails.of(me.id())).isEmpty();
	}

	@Test
	void aTokenWithoutNameIsNamedOnThePageAndNoneIsCreated() {
		AccountPrincipal me = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, me.getUsername(), TestAccounts.PASSWORD);
		browser.get("/account");
		var page = browser.postForm("/account/tokens", Map.of("name", ""));
		assertFormKept(page, "name", "请填写令牌名称");
		assertThat(tokens.list(me.id())).isEmpty();
	}

	@Test
	void aWrongCurrentPasswordIsNamedOnItsFieldAndNoPasswordIsSentBack() {
		AccountPrincipal me = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, me.getUsername(), TestAccounts.PASSWORD);
		browser.get("/account/password");
		var page = browser.postForm("/account/password", Map.of("currentPassword", "Wrong-Passw0rd-9", "newPassword",
				"New-Passw0rd-2026", "confirmPassword", "New-Passw0rd-2026"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(fieldMessage(page.body(), "currentPassword")).contains("当前密码不正确");
		assertThat(page.body()).contains("data-testid=\"form-errors\"").doesNotContain("New-Passw0rd-2026", "Wrong-Passw0rd-9");
		assertThat(WebSession.signedIn(port, me.getUsername(), TestAccounts.PASSWORD)).as("the password is unchanged").isNotNull();
	}

}
