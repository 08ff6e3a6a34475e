package org.chamberlink.notification;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox page and API: the system administrator's alone, phones masked, bad filters refused. */
@IntegrationTest
class OutboxWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theAdministratorSeesMessagesWithPhonesMasked() {
		String key = "web-sms-" + System.nanoTime();
		transactions.executeWithoutResult(status -> notifications
			.enqueue(OutgoingMessage.sms("13712345678", "会费提醒短信", "dues.reminder", key)));
		var admin = new TestAccounts(accounts).create(Role.SYSTEM_ADMIN);
		WebSession browser = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);

		String page = browser.get("/notifications").body();
		assertThat(page).contains("通知发送记录", "短信", "会费提醒短信", "137****5678").doesNotContain("13712345678");
		assertThat(browser.get("/notifications?status=DEAD").statusCode()).isEqualTo(200);

		String token = new OrganizationFixture(port, accounts, tokens, jdbc).admin();
		var answer = Api.get(port, "/api/v1/notifications?size=500", token);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"content\"", "137****5678", "\"totalElements\"").doesNotContain("13712345678");
	}

	@Test
	void anUnknownStatusIsAProblem() {
		String token = new OrganizationFixture(port, accounts, tokens, jdbc).admin();
		var answer = Api.get(port, "/api/v1/notifications?status=LOST", token);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
	}

	@Test
	void otherRolesMayNotSeeIt() {
		var federation = new TestAccounts(accounts).create(Role.FEDERATION_ADMIN);
		WebSession browser = WebSession.signedIn(port, federation.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.get("/notifications").statusCode()).isEqualTo(403);
		assertThat(browser.get("/").body()).doesNotContain("/notifications");
		assertThat(browser.get("/api/v1/notifications").statusCode()).isEqualTo(403);
	}

}
