package org.chamberlink.points.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17's "done when" for the points: the county adopts the preset for cases resolved to the
 * member's satisfaction; a case of its chamber is resolved and the member rates it satisfied on a
 * phone; the county's ranking shows the chamber's points; the member reopens the case and the
 * points are reversed — the ranking shows none left, the chamber's entries show the reversal.
 */
@IntegrationTest
class PointsBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	final List<BrowserContext> others = new ArrayList<>();

	@AfterEach
	void closeOthers() {
		others.forEach(BrowserContext::close);
		others.clear();
	}

	@Test
	void aResolvedAndRatedCaseAddsPointsTheRankingShowsAndReopeningItReversesThem() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("积分浏览");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, chamberToken, tree.chamber(), "王积分", MemberFixture.identityNumber(),
				MemberFixture.phone());
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, person);

		// the county adopts the preset: 5 points a satisfied case, at most 100 a year
		Page county = open(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		county.navigate(url("/points/rules"));
		county.locator("a", new Page.LocatorOptions().setHasText("会员诉求办结满意")).click();
		assertThat(county.locator("#points")).hasValue("5");
		county.locator("[data-testid=rule-form] button[type=submit]").click();
		assertThat(county.locator("[data-testid=rules]")).containsText("会员诉求办结满意");

		// the chamber resolves the member's complaint
		long kase = CaseFixture.caseId(Api.post(port, "/api/v1/cases", chamberToken,
				CaseFixture.complaintJson(tree.chamber(), person, "800")).body());
		Api.post(port, "/api/v1/cases/" + kase + "/accept", chamberToken, "{}");
		Api.post(port, "/api/v1/cases/" + kase + "/resolve", chamberToken, "{\"outcome\":\"已退还检测费\",\"amountRecovered\":\"800\"}");

		// the member rates it satisfied, on a phone
		phone();
		signIn(member.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/portal/cases/" + kase));
		page.locator("[data-testid=rating-form] label", new Page.LocatorOptions().setHasText("5 分")).click();
		page.locator("[data-testid=rate-case]").click();
		assertThat(page.locator("[data-testid=case-rating]")).containsText("5 分");

		// the points arrive (after the rating's commit) and the county's ranking shows them
		await().atMost(Duration.ofSeconds(30)).until(() -> points(tree.chamber()) == 5);
		county.navigate(url("/points"));
		assertThat(county.locator("[data-testid=ranking] tr[data-org='" + tree.chamber() + "'] [data-testid=ranking-points]"))
			.hasText("5");
		county.locator("[data-testid=ranking] a", new Page.LocatorOptions().setHasText("长安区积分浏览商会"))
			.click();
		assertThat(county.locator("[data-testid=standing-points]")).hasText("5");
		assertThat(county.locator("[data-testid=entries]")).containsText("服务事项 #" + kase);
		screenshot("points-ranking-before-reopening");

		// the member reopens the case: the points are reversed by a new entry
		page.navigate(url("/portal/cases/" + kase));
		page.locator("[data-testid=reopen-form] textarea").fill("检测费只退了一半");
		page.locator("[data-testid=reopen-case]").click();
		assertThat(page.locator("[data-testid=case-state]")).containsText("办理中");
		await().atMost(Duration.ofSeconds(30)).until(() -> points(tree.chamber()) == 0);
		county.navigate(url("/points"));
		assertThat(county.locator("[data-testid=ranking] tr[data-org='" + tree.chamber() + "'] [data-testid=ranking-points]"))
			.hasText("0");
		county.navigate(url("/points/orgs/" + tree.chamber()));
		assertThat(county.locator("[data-testid=standing-points]")).hasText("0");
		assertThat(county.locator("[data-testid=entries] tr[data-kind=REVERSAL] [data-testid=entry-points]")).hasText("-5");
		assertThat(county.locator("[data-testid=entries] tr[data-kind=AWARD] [data-testid=entry-points]")).hasText("+5");
		screenshot("points-reversed");
	}

	private long points(long org) {
		return jdbc.sql("select coalesce(sum(points), 0) from point_total where org_id = :org").param("org", org)
			.query(Long.class).single();
	}

	private Page open(AccountPrincipal account) {
		BrowserContext other = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 860));
		others.add(other);
		Page opened = other.newPage();
		opened.setDefaultTimeout(15_000);
		opened.navigate(url("/login"));
		opened.locator("#username").fill(account.getUsername());
		opened.locator("#password").fill(TestAccounts.PASSWORD);
		opened.locator("button[type=submit]").click();
		opened.waitForURL(url("/"));
		return opened;
	}

}
