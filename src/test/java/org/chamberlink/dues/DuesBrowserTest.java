package org.chamberlink.dues;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary-general's dues year in the browser: sets the schedule, bills the year, records a
 * partial and a full payment, prints the receipt, waives a bill; the county sees the rolled-up
 * collection rate change; the member sees the bill and the receipt on a phone.
 */
@IntegrationTest
class DuesBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecretaryGeneralRunsTheDuesYearAndTheCountyAndTheMemberSeeIt() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会费浏览器测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "裕华区工商联", "130108", province);
		long chamber = fixture.chamber("INDUSTRY", "裕华区餐饮商会", "130108", county);
		String token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, token, chamber, "石家庄恒达餐饮有限公司", MemberFixture.creditCode(), MemberFixture.phone());
		MemberFixture.enterprise(port, token, chamber, "裕华小吃店", MemberFixture.creditCode(), MemberFixture.phone());
		String phone = MemberFixture.phone();
		long person = MemberFixture.person(port, token, chamber, "郑红梅", MemberFixture.identityNumber(), phone);
		var secretary = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		var countyCadre = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		WebSession web = WebSession.signedIn(port, secretary.getUsername(), TestAccounts.PASSWORD);
		Matcher initial = Pattern.compile("初始密码 (\\S+)（")
			.matcher(web.get(web.location(web.postForm("/members/" + person + "/login", Map.of()))).body());
		assertThat(initial.find()).isTrue();

		// the schedule
		signIn(secretary.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/dues"));
		assertThat(page.locator("[data-testid=dues-schedule]")).containsText("尚未设置会费标准");
		page.locator("[data-testid=edit-schedule]").click();
		page.locator("#amount-VICE_PRESIDENT").fill("10000");
		page.locator("#amount-MEMBER").fill("五百");
		page.locator("[data-testid=schedule-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=schedule-form] [data-field-error=\"amounts[MEMBER]\"]")).containsText("会员会费：“五百”不是有效金额");
		page.locator("#amount-MEMBER").fill("500");
		page.locator("[data-testid=schedule-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=dues-schedule]")).containsText("¥10,000.00");
		assertThat(page.locator("[data-testid=dues-schedule]")).containsText("¥500.00");

		// the year's bills, in the background
		page.locator("[data-testid=billing-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=billing-runs]")).containsText("新开 3 张");
		page.navigate(url("/dues"));
		assertThat(page.locator("[data-testid=bills] tbody tr")).hasCount(3);
		assertThat(page.locator("[data-testid=dues-bill-rate]")).hasText("0.00 %");

		// the county sees the chamber's bills, nothing collected yet
		BrowserContext countyWindow = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
		Page cadre = countyWindow.newPage();
		cadre.navigate(url("/login"));
		cadre.locator("#username").fill(countyCadre.getUsername());
		cadre.locator("#password").fill(TestAccounts.PASSWORD);
		cadre.locator("button[type=submit]").click();
		cadre.navigate(url("/figures/dues"));
		assertThat(cadre.locator("[data-testid=figure-amount-rate]")).hasText("0.00 %");
		assertThat(cadre.locator("[data-testid=dues-figures-below]")).containsText("裕华区餐饮商会");

		// a partial payment, then the rest by WeChat Pay; the receipt printed
		page.locator("[data-testid=bills]").getByText("郑红梅").click();
		page.locator("#amount").fill("4000");
		page.locator("#method").selectOption("CASH");
		page.locator("[data-testid=payment-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=bill-outstanding]")).hasText("¥6,000.00");
		assertThat(page.locator("[data-testid=bill-state]")).hasText("逾期未缴");
		page.locator("#amount").fill("6000");
		page.locator("#method").selectOption("WECHAT");
		page.locator("#reference").fill("4200001234202611");
		page.locator("[data-testid=payment-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=bill-state]")).hasText("已结清");
		assertThat(page.locator("[data-testid=entries]")).containsText("收据 000002");
		page.locator("[data-testid=new-receipt]").click();
		assertThat(page.locator("[data-testid=receipt-number]")).hasText("000002");
		assertThat(page.locator("[data-testid=receipt-words]")).hasText("陆仟元整");
		assertThat(page.locator("[data-testid=receipt-payer]")).hasText("郑红梅");
		screenshot("50-dues-receipt");
		APIResponse pdf = context.request().get(url("/dues/receipts/"
				+ page.url().replaceAll(".*/receipts/(\\d+).*", "$1") + "/pdf"));
		assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

		// the small shop is waived
		page.navigate(url("/dues"));
		page.locator("[data-testid=bills]").getByText("裕华小吃店").click();
		page.locator("#reason").fill("门店拆迁停业");
		page.locator("[data-testid=waiver-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=waiver-form] [data-field-error=approver]")).containsText("批准人");
		page.locator("#reason").fill("门店拆迁停业");
		page.locator("#approver").fill("会长办公会");
		page.locator("[data-testid=waiver-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=bill-state]")).hasText("已结清");
		page.navigate(url("/dues"));
		screenshot("51-dues-chamber");

		// the county's rolled-up rate has changed: paid 10,000 of 11,000 billed; 2 of 3 bills settled
		cadre.navigate(url("/figures/dues"));
		assertThat(cadre.locator("[data-testid=figure-amount-rate]")).hasText("90.90 %");
		assertThat(cadre.locator("[data-testid=figure-bill-rate]")).hasText("66.66 %");
		assertThat(cadre.locator("[data-testid=figure-arrears]")).hasText("1");
		cadre.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/52-dues-county.png"))
			.setFullPage(true));
		countyWindow.close();

		// the member, on a phone
		context.clearCookies();
		phone();
		signInFirstTime(phone, initial.group(1), "Hongmei-2026-pass");
		page.navigate(url("/portal/dues"));
		assertThat(page.locator("[data-testid=own-bills]")).containsText("已结清");
		assertThat(page.locator("[data-testid=own-bills]")).containsText("裕华区餐饮商会");
		assertThat(page.locator("[data-testid=own-receipts] a")).hasCount(2);
		page.locator("[data-testid=own-receipts]").getByText("收据 000002").click();
		assertThat(page.locator("[data-testid=receipt-words]")).hasText("陆仟元整");
		screenshot("53-dues-member-phone");
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
	}

}
