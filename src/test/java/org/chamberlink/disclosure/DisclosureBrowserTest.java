package org.chamberlink.disclosure;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's "Done when" for 三公开 in the browser: a chamber's officer starts this year's
 * disclosure, whose income the dues ledger computes (¥6,000.00 paid), writes the party affairs,
 * adds a resolution, is refused an expense without its voucher and adds it with one, and publishes;
 * a member on a 375 px phone reads the finances — income, the expense, the balance.
 */
@IntegrationTest
class DisclosureBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChamberPublishesItsFinancesAndAMemberReadsThem() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("公开浏览");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, token, tree.chamber(), "浏览公开会员" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		DuesFixture.schedule(port, token, tree.chamber(), year, "2000");
		DuesFixture.bill(port, token, tree.chamber(), year);
		long bill = jdbc.sql("select id from dues_bill where party_id = :p").param("p", person).query(Long.class).single();
		DuesFixture.pay(port, token, bill, "6000");

		signIn(tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/disclosures"));
		page.locator("#disclosure-year").fill(Integer.toString(year));
		page.locator("[data-testid=create-disclosure]").click();
		assertThat(page.locator("[data-testid=disclosure-status]")).hasText("草稿");
		assertThat(page.locator("[data-testid=income-total]")).hasText("¥6,000.00");

		page.locator("#partyText").fill("召开党支部会议四次，发展党员一名");
		page.locator("[data-testid=save-texts]").click();
		assertThat(page.locator("[role=status]").first()).containsText("已保存");
		page.locator("#resolution-text").fill("通过年度会费收支报告");
		page.locator("#meeting").fill("会员大会");
		page.locator("[data-testid=resolution-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=resolutions]")).containsText("通过年度会费收支报告");

		page.locator("#spentOn").fill(year + "-01-06");
		page.locator("#expense-category").selectOption("ACTIVITIES");
		page.locator("#purpose").fill("新春联谊会场地费");
		page.locator("#amount").fill("1500");
		page.locator("[data-testid=add-expense]").click();
		assertThat(page.locator("[data-field-error=voucher]")).containsText("凭证");
		assertThat(page.locator("#purpose")).hasValue("新春联谊会场地费");
		page.locator("#voucher").setInputFiles(new FilePayload("场地费发票.pdf", "application/pdf", "%PDF-1.4".getBytes()));
		page.locator("[data-testid=add-expense]").click();
		assertThat(page.locator("[data-testid=finances]")).containsText("新春联谊会场地费");
		assertThat(page.locator("[data-testid=balance]")).hasText("¥4,500.00");
		page.locator("[data-testid=publish]").click();
		assertThat(page.locator("[data-testid=disclosure-status]")).hasText("已公开");

		AccountPrincipal member = CaseFixture.memberAccount(accounts, jdbc, person);
		BrowserContext phoneContext = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740));
		Page phone = phoneContext.newPage();
		phone.setDefaultTimeout(30_000);
		phone.navigate(url("/login"));
		phone.locator("#username").fill(member.getUsername());
		phone.locator("#password").fill(TestAccounts.PASSWORD);
		phone.locator("button[type=submit]").click();
		phone.navigate(url("/portal/disclosures"));
		phone.locator("[data-testid=portal-disclosures] a").first().click();
		assertThat(phone.locator("[data-testid=portal-disclosure-org]")).containsText(tree.tag());
		assertThat(phone.locator("[data-testid=income-total]")).hasText("¥6,000.00");
		assertThat(phone.locator("[data-testid=expense-total]")).hasText("¥1,500.00");
		assertThat(phone.locator("[data-testid=balance]")).hasText("¥4,500.00");
		assertThat(phone.locator("main")).containsText("召开党支部会议四次");
		assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue()).isLessThanOrEqualTo(0);
		phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "375-disclosure-portal.png"))
			.setFullPage(true));
		phoneContext.close();

		phone();
		for (String path : java.util.List.of("/disclosures", "/disclosures/board")) {
			page.navigate(url(path));
			assertThat(page.locator("main")).isVisible();
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
				.as(path + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		}
	}

}
