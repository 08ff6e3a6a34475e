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

@IntegrationTest
class PasswordChangeWebTest {

	static final String NEW_PASSWORD = "Brand-new-passw0rd";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Test
	void anAccountThatMustChangeItsPasswordIsKeptOnThePasswordPage() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(true, Role.STAFF);
		WebSession browser = new WebSession(port);
		assertThat(browser.location(browser.login(account.getUsername(), TestAccounts.PASSWORD))).isEqualTo("/account/password");
		assertThat(browser.location(browser.get("/"))).isEqualTo("/account/password");
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(403);
		assertThat(browser.get("/account/password").body()).contains("必须先设置新密码");

		assertThat(browser.location(change(browser, TestAccounts.PASSWORD, NEW_PASSWORD))).isEqualTo("/");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(browser.get("/api/v1/me").body()).contains("\"passwordChangeRequired\":false");
	}

	@Test
	void badNewPasswordsAreRefusedWithAMessageNamingTheField() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession browser = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		assertThat(change(browser, TestAccounts.PASSWORD, "short1").body()).contains("新密码至少需要 10 位");
		assertThat(change(browser, TestAccounts.PASSWORD, "onlyletterslong").body())
			.contains("新密码须同时包含字母和数字");
		assertThat(change(browser, "wrong-current-1", NEW_PASSWORD).body()).contains("当前密码不正确");
		assertThat(change(browser, TestAccounts.PASSWORD, TestAccounts.PASSWORD).body())
			.contains("新密码不能与当前密码相同");
		assertThat(browser.postForm("/account/password",
				Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", NEW_PASSWORD, "confirmPassword",
						"different-1234"))
			.body()).contains("两次输入的新密码不一致");
		assertThat(browser.postForm("/account/password",
				Map.of("currentPassword", "", "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.body()).contains("请填写“当前密码”");
		// None of these changed anything: the old password still signs in.
		WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void aChangedPasswordEndsTheAccountsOtherSessionsButKeepsThisOne() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession phone = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		WebSession desk = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		assertThat(phone.get("/").statusCode()).isEqualTo(200);

		change(desk, TestAccounts.PASSWORD, NEW_PASSWORD);

		assertThat(desk.get("/").statusCode()).isEqualTo(200);
		assertThat(phone.location(phone.get("/"))).isEqualTo("/login");
		assertThat(Api.get(port, "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void signOutEverywhereEndsEverySessionOfTheAccount() {
		AccountPrincipal account = new TestAccounts(accountManagement).create(Role.STAFF);
		WebSession phone = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		WebSession desk = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		assertThat(desk.get("/account").body()).contains("当前设备");

		desk.postForm("/account/sessions/end-all", Map.of());

		assertThat(desk.get("/").statusCode()).isEqualTo(302);
		assertThat(phone.get("/").statusCode()).isEqualTo(302);
	}

	private static java.net.http.HttpResponse<String> change(WebSession browser, String current, String next) {
		browser.get("/account/password");
		return browser.postForm("/account/password",
				Map.of("currentPassword", current, "newPassword", next, "confirmPassword", next));
	}

}
