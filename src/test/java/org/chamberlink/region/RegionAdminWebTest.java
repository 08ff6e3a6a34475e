package org.chamberlink.region;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegionAdminWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	Regions regions;

	@Test
	void anAdministratorAddsAStreetOnThePageThenAbolishesItAndBadInputSaysWhy() {
		var admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		WebSession browser = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.get("/admin/regions?code=1301").body()).contains("石家庄市", "长安区");

		String code = "130104" + (800 + System.nanoTime() % 100);
		browser.get("/admin/regions?code=130104");
		browser.postForm("/admin/regions", Map.of("parentCode", "130104", "code", code, "name", "新区街道"));
		assertThat(browser.get("/admin/regions?code=130104").body()).contains("已添加区划“新区街道”", code, "手工添加");

		var refused = browser.postForm("/admin/regions", Map.of("parentCode", "130104", "code", "130105999", "name", "错位街道"));
		assertThat(Refusals.fieldMessage(refused.body(), "code")).contains("须以上级区划代码 130104 开头");
		assertThat(refused.body()).contains("value=\"130105999\"", "value=\"错位街道\"");
		assertThat(regions.find("130105999")).isEmpty();

		browser.postForm("/admin/regions/abolish", Map.of("code", code));
		assertThat(browser.get("/admin/regions?code=130104").body()).contains("已标记撤销");
		assertThat(regions.get(code).abolished()).isTrue();
	}

	@Test
	void otherRolesCannotOpenIt() {
		var staff = new TestAccounts(accountManagement).create(Role.FEDERATION_ADMIN);
		assertThat(WebSession.signedIn(port, staff.getUsername(), TestAccounts.PASSWORD).get("/admin/regions")
			.statusCode()).isEqualTo(403);
	}

}
