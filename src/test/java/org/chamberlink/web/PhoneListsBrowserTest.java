package org.chamberlink.web;

import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list a secretary opens on a phone fits 375 px: rows become stacked cards whose cells name
 * their column, and nothing scrolls sideways. A screenshot of each is kept in target/screenshots.
 */
@IntegrationTest
class PhoneListsBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyListFitsAPhoneAsStackedCards() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		String suffix = Long.toString(System.nanoTime());
		long county = fixture.federation("COUNTY", "手机列表测试县" + suffix, "130102", null);
		long chamber = fixture.chamber("INDUSTRY", "手机列表测试县餐饮与住宿服务业商会" + suffix, "130102", county);
		String admin = fixture.admin();
		long party = MemberFixture.enterprise(port, admin, chamber, "石家庄市长安区某某餐饮管理有限责任公司" + suffix,
				MemberFixture.creditCode(), MemberFixture.phone());
		// more than a page of members, so the list pages (20 a page)
		for (int i = 0; i < 40; i++) {
			MemberFixture.enterprise(port, admin, chamber, "手机列表测试企业" + i + "号" + suffix, MemberFixture.creditCode(),
					MemberFixture.phone());
		}
		var filed = Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, party, "800"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);

		// ---- benefit: a partner merchant with the longest things its row holds ----
		var merchant = Api.post(port, "/api/v1/merchants", admin, "{\"orgId\":" + chamber + ",\"name\":\"石家庄市长安区某某餐饮管理有限责任公司"
				+ "中山东路旗舰店\",\"category\":\"CATERING\",\"address\":\"河北省石家庄市长安区中山东路 168 号某某大厦一层\","
				+ "\"terms\":\"会员凭电子会员卡消费享九折优惠（酒水、特价菜及节假日除外），每桌每次限用一张\"}");
		assertThat(merchant.statusCode()).as(merchant.body()).isEqualTo(201);
		var cadre = new TestAccounts(accounts).createIn(county, Role.FEDERATION_ADMIN);
		phone();
		signIn(cadre.getUsername(), TestAccounts.PASSWORD);
		for (String list : List.of("/organizations", "/members", "/cases", "/dues?org=" + chamber, "/dues/arrears",
				"/benefit/merchants", "/figures/benefit?org=" + county)) {
			page.navigate(url(list));
			assertThat(page.locator("main")).isVisible();
			int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
			screenshot("375-" + list.replaceAll("\\W+", "-"));
			assertThat(overflow).as(list + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		}
		page.navigate(url("/members"));
		// a row is a card whose cells say which column they are
		var kind = page.locator("[data-testid=member-table] tbody tr td[data-label=会员类别]").first();
		assertThat(kind).isVisible();
		assertThat(kind.evaluate("td => getComputedStyle(td, '::before').content")).isEqualTo("\"会员类别：\"");
		assertThat(kind.evaluate("td => getComputedStyle(td).display")).isEqualTo("block");
		assertThat(page.locator("[data-testid=member-table] thead")).isHidden();
		// the pages are numbered: the current one marked, the others one tap away
		assertThat(page.locator(".pagination [aria-current=page]")).hasText("1");
		page.locator(".pagination").getByText("3", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
			.click();
		assertThat(page.locator(".pagination [aria-current=page]")).hasText("3");
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/members\\?page=2$"));
		// the pagination wraps at 375 px (waited for: the page is laid out a moment after its URL changes; asked
		// from the test, as the page's Content-Security-Policy refuses the script waitForFunction evaluates)
		page.waitForCondition(() -> ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
			.intValue() <= 0);
		// a member opened from page 3 leads back to page 3, not to the first page
		page.locator("[data-testid=member-table] tbody tr a").first().click();
		page.locator("[data-testid=back]").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/members\\?page=2$"));
		page.navigate(url("/cases"));
		assertThat(page.locator("[data-testid=cases] tbody tr td[data-label=标题]").first()).isVisible();
		// a case on paper: what it says, without the forms and buttons of its steps
		page.locator("[data-testid=cases] tbody tr a").first().click();
		assertThat(page.locator("[data-testid=print-case]")).isVisible();
		page.emulateMedia(new com.microsoft.playwright.Page.EmulateMediaOptions()
			.setMedia(com.microsoft.playwright.options.Media.PRINT));
		assertThat(page.locator("[data-testid=case-title]")).isVisible();
		assertThat(page.locator("main form").first()).isHidden();
		assertThat(page.locator("[data-testid=print-case]")).isHidden();
	}

}
