package org.chamberlink.organization;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A county federation user sees only its county, drills down from the county figures to a
 * chamber, edits it with one invalid field then a valid one, and finds the change in its
 * history; a chamber user cannot open the county's other chambers by URL.
 */
@IntegrationTest
class CountyBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCountyDrillsDownToAChamberAndEditsItAndAChamberCannotReachItsNeighbours() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		// 河北省石家庄市裕华区 (130108) and its neighbour 藁城区 (130109)
		long province = fixture.federation("PROVINCE", "浏览器测试省工商联", "13", null);
		long city = fixture.federation("CITY", "浏览器测试市工商联", "1301", province);
		long county = fixture.federation("COUNTY", "裕华区工商联", "130108", city);
		long neighbour = fixture.federation("COUNTY", "藁城区工商联", "130109", city);
		long chamber = fixture.chamber("TOWNSHIP", "裕兴街道商会", fixture.township("130108"), county);
		long sibling = fixture.chamber("TOWNSHIP", "裕强街道商会", fixture.township("130108"), county);
		fixture.chamber("INDUSTRY", "藁城区宫灯行业商会", "130109", neighbour);

		var countyUser = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		signIn(countyUser.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/organizations"));
		assertThat(page.locator("[data-testid=organization-table]")).containsText("裕兴街道商会");
		assertThat(page.locator("[data-testid=organization-table]")).not().containsText("藁城区");

		page.locator("aside").getByText("组织统计").click();
		assertThat(page.locator("[data-testid=figures-node]")).hasText("裕华区工商联");
		assertThat(page.locator("[data-testid=current-org]")).hasText("裕华区工商联");
		assertThat(page.locator("[data-testid=figure-chambers]")).hasText("2");
		assertThat(page.locator("[data-testid=figure-townshipCoverage]")).hasText("20.00 %");
		screenshot("10-county-figures");
		page.locator("[data-testid=figures-chambers]").getByText("裕兴街道商会").click();
		assertThat(page.locator("[data-testid=org-name]")).hasText("裕兴街道商会");

		page.getByText("编辑").first().click();
		page.locator("#registrationCode").fill("51130102MJ0000001X");
		page.locator("#fulltimeStaff").fill("3");
		page.locator("form.card button[type=submit]").click();
		assertThat(page.locator("#registrationCode + .invalid-feedback")).containsText("登记证统一社会信用代码");
		screenshot("11-chamber-edit-invalid");

		page.locator("#registrationCode").fill("51130102MJ0000001K");
		page.locator("#unregisteredReason").fill("正在办理");
		page.locator("form.card button[type=submit]").click();
		assertThat(page.locator(".alert-success")).containsText("已保存");
		assertThat(page.locator("[data-testid=history-table]")).containsText("专职人员数");
		assertThat(page.locator("[data-testid=history-table]")).containsText("→ 3");
		assertThat(page.locator("[data-testid=history-table]")).containsText(countyUser.getUsername());
		phone();
		screenshot("12-chamber-detail-phone");

		context.clearCookies();
		var chamberUser = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		signIn(chamberUser.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/organizations/" + sibling));
		assertThat(page.getByText("页面不存在")).isVisible();
		page.navigate(url("/organizations/" + county + "/edit"));
		assertThat(page.getByText("页面不存在")).isVisible();
		page.navigate(url("/organizations"));
		assertThat(page.locator("[data-testid=organization-table]")).containsText("裕兴街道商会");
		assertThat(page.locator("[data-testid=organization-table]")).not().containsText("裕强街道商会");
	}

}
