package org.chamberlink.identity;

import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page shows only the actions the user's roles allow ({@link Permissions}, {@code may} on every
 * page): a read-only leader meets no button that would end in 无权访问, staff meet the ones they
 * may use and not the administrators'.
 */
@IntegrationTest
class PermissionAwarePagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReadOnlyLeaderSeesNoButtonItMayNotUse() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("只读按钮");
		WebSession leader = signedIn(tree, Role.AUDITOR);
		assertThat(leader.get("/members").body()).doesNotContain("href=\"/members/new\"", "href=\"/members/import\"",
				"href=\"/members/applications\"", "href=\"/members/duplicates\"");
		assertThat(leader.get("/organizations/" + tree.chamber()).body())
			.doesNotContain("/organizations/" + tree.chamber() + "/edit", "data-testid=\"term-form\"");
		assertThat(leader.get("/cases").body()).doesNotContain("data-testid=\"new-case\"");
		assertThat(leader.get("/dues?org=" + tree.chamber()).body()).doesNotContain("data-testid=\"billing-form\"",
				"data-testid=\"edit-schedule\"");
		assertThat(leader.get("/organizations").body()).doesNotContain("href=\"/organizations/import\"");
	}

	@Test
	void staffSeeTheirActionsButNotTheAdministrators() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("员工按钮");
		WebSession staff = signedIn(tree, Role.STAFF);
		assertThat(staff.get("/members").body()).contains("href=\"/members/new\"", "href=\"/members/import\"")
			.doesNotContain("href=\"/members/duplicates\"");
		assertThat(staff.get("/organizations/" + tree.chamber()).body())
			.contains("/organizations/" + tree.chamber() + "/edit", "data-testid=\"term-form\"");
		assertThat(staff.get("/cases").body()).contains("data-testid=\"new-case\"");
		assertThat(staff.get("/dues?org=" + tree.chamber()).body()).doesNotContain("data-testid=\"billing-form\"");

		WebSession secretary = signedIn(tree, Role.CHAMBER_ADMIN);
		assertThat(secretary.get("/dues?org=" + tree.chamber()).body()).contains("data-testid=\"billing-form\"");
		assertThat(secretary.get("/members").body()).contains("href=\"/members/duplicates\"");
	}

	private WebSession signedIn(TestTree tree, Role role) {
		return WebSession.signedIn(port, tree.account(tree.county(), role).getUsername(), TestAccounts.PASSWORD);
	}

}
