package org.chamberlink.organization;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A county administrator gives a chamber below it an account; roles must fit, scope must hold. */
@IntegrationTest
class OrganizationAccountsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCountyCreatesASecretaryGeneralWhoMustChangeTheInitialPassword() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "账户测试省工商联", "13", null);
		long city = fixture.federation("CITY", "账户测试市工商联", "1302", province);
		long county = fixture.federation("COUNTY", "路南区工商联", "130202", city);
		long chamber = fixture.chamber("INDUSTRY", "路南区陶瓷商会", "130202", county);
		long other = fixture.federation("COUNTY", "路北区工商联", "130203", city);

		var countyAdmin = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		WebSession browser = WebSession.signedIn(port, countyAdmin.getUsername(), TestAccounts.PASSWORD);
		browser.get("/organizations/" + chamber);
		String username = "sg" + System.nanoTime() % 1_000_000;
		browser.postForm("/organizations/" + chamber + "/accounts",
				Map.of("username", username, "displayName", "李秘书长", "role", "CHAMBER_ADMIN"));
		String page = browser.get("/organizations/" + chamber).body();
		assertThat(page).contains("账户 " + username + " 已创建", "李秘书长", "待修改初始密码");
		String password = page.replaceAll("(?s).*data-testid=\"created-account\".*?<code[^>]*>([^<]+)</code>.*", "$1");

		WebSession secretary = new WebSession(port);
		assertThat(secretary.location(secretary.login(username, password))).isEqualTo("/account/password");

		// a refused account comes back on the page with the message on the role (decision 25)
		assertThat(Refusals.fieldMessage(browser.postForm("/organizations/" + chamber + "/accounts",
				Map.of("username", "fed" + System.nanoTime() % 1_000_000, "displayName", "某人", "role", "FEDERATION_ADMIN"))
			.body(), "role")).contains("该角色与组织类型不符");
		assertThat(Refusals.fieldMessage(browser.postForm("/organizations/" + chamber + "/accounts",
				Map.of("username", "root" + System.nanoTime() % 1_000_000, "displayName", "某人", "role", "SYSTEM_ADMIN"))
			.body(), "role")).contains("只有系统管理员可以创建系统管理员");

		String countyToken = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		var foreign = Api.post(port, "/api/v1/organizations/" + other + "/accounts", countyToken,
				"{\"username\":\"intruder1\",\"displayName\":\"x\",\"role\":\"FEDERATION_ADMIN\"}");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(accountManagement.findByUsername("intruder1")).isEmpty();
	}

}
