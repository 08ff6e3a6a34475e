package org.chamberlink.audit;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuditLogPageWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Test
	void anAdministratorFiltersTheLogByActorAndAction() {
		var accounts = new TestAccounts(accountManagement);
		var staff = accounts.create(Role.STAFF);
		WebSession.signedIn(port, staff.getUsername(), TestAccounts.PASSWORD);
		var admin = accounts.create(Role.SYSTEM_ADMIN);
		WebSession browser = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);

		String page = browser.get("/admin/audit?actor=" + staff.getUsername() + "&action=LOGIN").body();
		assertThat(page).contains("审计日志", staff.getUsername(), ">登录</span>", ">账户 ")
			.doesNotContain(admin.getUsername() + "</td>", ">LOGIN<", ">UserAccount ");

		String fragment = browser.get("/admin/audit?actor=nobody-at-all").body();
		assertThat(fragment).contains("没有符合条件的记录。");
	}

	@Test
	void otherRolesMayNotOpenIt() {
		var staff = new TestAccounts(accountManagement).create(Role.FEDERATION_ADMIN);
		WebSession browser = WebSession.signedIn(port, staff.getUsername(), TestAccounts.PASSWORD);
		var response = browser.get("/admin/audit");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("无权访问");
	}

}
