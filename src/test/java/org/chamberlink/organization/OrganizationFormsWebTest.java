package org.chamberlink.organization;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * Decision 25 for organisations: a field's constraint is refused like a rule (422 in the API), and
 * the forms on the organisation's page come back with what was typed.
 */
@IntegrationTest
@Tag("database")
class OrganizationFormsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long county;

	long chamber;

	String token;

	WebSession admin;

	@BeforeEach
	void aCountyWithAChamber() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "表单测试省工商联" + System.nanoTime(), "13", null);
		county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区茶叶商会", "130102", county);
		token = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		admin = WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		admin.get("/organizations/" + chamber);
	}

	@Test
	void theEditFormNamesItsFieldsInChinese() {
		var page = admin.postForm("/organizations/" + chamber + "/edit", Map.of("name", " ", "regionCode", "130102",
				"fulltimeStaff", "-1", "version", "0"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("请填写“名称”", "“专职人员数”不能小于 0").doesNotContain("“name”", "“fulltimeStaff”");
	}

	@Test
	void aBlankNameOfALeaderIsRefusedWith422NamingTheField() {
		assertApiRefused(Api.post(port, "/api/v1/organizations/" + chamber + "/leadership", token,
				"{\"role\":\"PRESIDENT\",\"personName\":\"\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2030-12-31\"}"),
				"personName", "请填写“姓名”");
		assertThat(terms()).isZero();
	}

	@Test
	void aTermEndingBeforeItStartsComesBackWithTheNameTypedAndTheMessageOnTheEnd() {
		var page = admin.postForm("/organizations/" + chamber + "/leadership", Map.of("role", "SECRETARY_GENERAL",
				"personName", "赵明远", "startsOn", "2026-03-01", "endsOn", "2025-03-01", "nonPublicEconomy", "true"));
		assertFormKept(page, "endsOn", "须晚于", "赵明远", "2026-03-01", "2025-03-01");
		assertThat(terms()).isZero();
	}

	@Test
	void aLeaderWithoutNameIsNamedOnTheFieldByItsLabel() {
		var page = admin.postForm("/organizations/" + chamber + "/leadership", Map.of("role", "PRESIDENT",
				"personName", "", "startsOn", "2026-03-01", "endsOn", "2031-03-01"));
		assertFormKept(page, "personName", "请填写“姓名”", "2026-03-01", "2031-03-01");
		assertThat(terms()).isZero();
	}

	@Test
	void aRefusedAccountKeepsTheUsernameAndDisplayNameTyped() {
		String username = "sg" + System.nanoTime() % 1_000_000;
		var page = admin.postForm("/organizations/" + chamber + "/accounts",
				Map.of("username", username, "displayName", "钱秘书长", "role", "FEDERATION_ADMIN"));
		assertFormKept(page, "role", "该角色与组织不符", username, "钱秘书长");
		assertThat(accountManagement.findByUsername(username)).isEmpty();
	}

	private long terms() {
		return jdbc.sql("select count(*) from leadership_term where org_id = :o").param("o", chamber).query(Long.class)
			.single();
	}

}
