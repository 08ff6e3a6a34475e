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
			.body(), "role")).contains("该角色与组织不符");
		assertThat(Refusals.fieldMessage(browser.postForm("/organizations/" + chamber + "/accounts",
				Map.of("username", "root" + System.nanoTime() % 1_000_000, "displayName", "某人", "role", "SYSTEM_ADMIN"))
			.body(), "role")).contains("只有系统管理员可以创建系统管理员");

		String countyToken = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		var foreign = Api.post(port, "/api/v1/organizations/" + other + "/accounts", countyToken,
				"{\"username\":\"intruder1\",\"displayName\":\"x\",\"role\":\"FEDERATION_ADMIN\"}");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(accountManagement.findByUsername("intruder1")).isEmpty();
	}

	@Test
	void theRoleListOffersOnlyRolesThatFitTheOrganisation() {
		var tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("角色");
		var countyAdmin = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		WebSession browser = WebSession.signedIn(port, countyAdmin.getUsername(), TestAccounts.PASSWORD);
		assertThat(roleOptions(browser.get("/organizations/" + tree.chamber()).body()))
			.containsExactly("CHAMBER_ADMIN", "STAFF", "AUDITOR");
		assertThat(roleOptions(browser.get("/organizations/" + tree.county()).body()))
			.containsExactly("FEDERATION_ADMIN", "STAFF", "AUDITOR");
		// a member's sign-in is opened on the member's page, never made as a staff account
		Refusals.assertApiRefused(Api.post(port, "/api/v1/organizations/" + tree.chamber() + "/accounts",
				tree.token(tree.county(), Role.FEDERATION_ADMIN),
				"{\"username\":\"m" + System.nanoTime() % 1_000_000 + "\",\"displayName\":\"x\",\"role\":\"MEMBER\"}"),
				"role", "该角色与组织不符");
	}

	@Test
	void anAdministratorDisablesAnAccountThatLeftEnablesItAgainAndResetsAPassword() {
		var tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("停用");
		var countyAdmin = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		var clerk = tree.account(tree.chamber(), Role.STAFF);
		String clerkToken = tokens.create(clerk.id(), "clerk's script").secret();
		WebSession clerkSession = WebSession.signedIn(port, clerk.getUsername(), TestAccounts.PASSWORD);
		assertThat(clerkSession.get("/members").statusCode()).isEqualTo(200);

		WebSession admin = WebSession.signedIn(port, countyAdmin.getUsername(), TestAccounts.PASSWORD);
		String page = admin.get("/organizations/" + tree.chamber()).body();
		assertThat(page).contains("/accounts/" + clerk.id() + "/disable", "/accounts/" + clerk.id() + "/password-reset");
		var disabled = admin.postForm("/organizations/" + tree.chamber() + "/accounts/" + clerk.id() + "/disable", Map.of());
		assertThat(admin.location(disabled)).isEqualTo("/organizations/" + tree.chamber() + "#accounts");
		assertThat(admin.get("/organizations/" + tree.chamber()).body()).contains("账户 " + clerk.getUsername() + " 已停用",
				"已停用");

		// the open session ended, the token stopped, and signing in is refused
		assertThat(clerkSession.location(clerkSession.get("/members"))).contains("/login");
		assertThat(Api.get(port, "/api/v1/me", clerkToken).statusCode()).isEqualTo(401);
		assertThat(new WebSession(port).location(new WebSession(port).login(clerk.getUsername(), TestAccounts.PASSWORD)))
			.contains("error");
		WebSession again = new WebSession(port);
		assertThat(again.location(again.login(clerk.getUsername(), TestAccounts.PASSWORD))).contains("error");

		var enabled = Api.post(port, "/api/v1/organizations/" + tree.chamber() + "/accounts/" + clerk.id() + "/enable",
				tree.token(tree.county(), Role.FEDERATION_ADMIN), "");
		assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
		assertThat(WebSession.signedIn(port, clerk.getUsername(), TestAccounts.PASSWORD).get("/members").statusCode())
			.isEqualTo(200);

		var reset = Api.post(port, "/api/v1/organizations/" + tree.chamber() + "/accounts/" + clerk.id()
				+ "/password-reset", tree.token(tree.county(), Role.FEDERATION_ADMIN), "");
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		String password = com.jayway.jsonpath.JsonPath.read(reset.body(), "$.initialPassword");
		WebSession old = new WebSession(port);
		assertThat(old.location(old.login(clerk.getUsername(), TestAccounts.PASSWORD))).contains("error");
		WebSession fresh = new WebSession(port);
		assertThat(fresh.location(fresh.login(clerk.getUsername(), password))).isEqualTo("/account/password");
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'UserAccount' and entity_id = :id"
				+ " and action in ('ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET')")
			.param("id", clerk.id().toString())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void anAccountOutsideTheScopeAnswersLikeOneThatExistsNowhereAndNobodyDisablesThemselves() {
		var tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("越权");
		var neighbourClerk = tree.account(tree.neighbour(), Role.STAFF);
		var ownClerk = tree.account(tree.chamber(), Role.STAFF);
		var countyAdmin = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		String token = tokens.create(countyAdmin.id(), "admin").secret();
		String base = "/api/v1/organizations/";
		var outside = Api.post(port, base + tree.neighbour() + "/accounts/" + neighbourClerk.id() + "/disable", token, "");
		var nowhere = Api.post(port, base + tree.chamber() + "/accounts/999999999/disable", token, "");
		// an account of another organisation named under one's own is not found either
		var elsewhere = Api.post(port, base + tree.chamber() + "/accounts/" + neighbourClerk.id() + "/password-reset",
				token, "");
		assertThat(outside.statusCode()).isEqualTo(404);
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(elsewhere.statusCode()).isEqualTo(404);
		for (String field : new String[] { "$.title", "$.detail" }) {
			assertThat(org.chamberlink.support.Json.text(outside.body(), field))
				.isEqualTo(org.chamberlink.support.Json.text(nowhere.body(), field))
				.isEqualTo(org.chamberlink.support.Json.text(elsewhere.body(), field));
		}
		assertThat(accountManagement.findByUsername(neighbourClerk.getUsername()).orElseThrow().isEnabled()).isTrue();

		Refusals.assertApiRefused(Api.post(port, base + tree.county() + "/accounts/" + countyAdmin.id() + "/disable",
				token, ""), "account", "不能停用或重置自己的账户");
		// a chamber's own administrator manages the chamber's accounts, not the county's
		String chamberAdmin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		assertThat(Api.post(port, base + tree.chamber() + "/accounts/" + ownClerk.id() + "/disable", chamberAdmin, "")
			.statusCode()).isEqualTo(200);
		assertThat(Api.post(port, base + tree.county() + "/accounts/" + countyAdmin.id() + "/disable", chamberAdmin, "")
			.statusCode()).isEqualTo(404);
		assertThat(accountManagement.findByUsername(countyAdmin.getUsername()).orElseThrow().isEnabled()).isTrue();
	}

	private static java.util.List<String> roleOptions(String html) {
		String select = html.replaceAll("(?s).*<select[^>]*id=\"accountRole\"[^>]*>(.*?)</select>.*", "$1");
		return java.util.regex.Pattern.compile("value=\"([A-Z_]+)\"").matcher(select).results().map(m -> m.group(1)).toList();
	}

}
