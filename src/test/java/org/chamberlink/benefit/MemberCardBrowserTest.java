package org.chamberlink.benefit;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
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
 * Issue 21's "done when" for member cards: a member in arrears shows an invalid card on a phone
 * (375 px); the chamber records the payment; the card shows valid, and the merchant's page (a phone
 * too) shows it valid and records a use. Screenshots: target/screenshots/benefit-*.png.
 */
@IntegrationTest
class MemberCardBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberInArrearsPaysAndTheMerchantThenSeesTheCardValidAndRecordsAUse() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("卡");
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, tree.chamber(), "赵卡" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		DuesFixture.schedule(port, admin, tree.chamber(), year, "500");
		DuesFixture.bill(port, admin, tree.chamber(), year);
		long bill = jdbc.sql("select id from dues_bill where party_id = :p and year = :y").param("p", person).param("y", year)
			.query(Long.class).single();
		AccountPrincipal member = CaseFixture.memberAccount(accounts, jdbc, person);
		String county = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		long merchant = Json.created(Api.post(port, "/api/v1/merchants", county, "{\"orgId\":" + tree.county()
				+ ",\"name\":\"长安茶楼\",\"category\":\"CATERING\",\"address\":\"中山东路 168 号\",\"terms\":\"会员九折\"}"));
		String opened = Api.post(port, "/api/v1/merchants/" + merchant + "/account", county, "{}").body();

		// the member, on a phone: the card shows, not valid, with why
		phone();
		signIn(member.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(url -> !url.contains("/login"));
		page.navigate(url("/portal/card"));
		assertThat(page.locator("[data-testid=card-name]")).hasText("赵卡" + tree.tag());
		assertThat(page.locator("[data-testid=card-state]")).hasText("无效");
		assertThat(page.locator("[data-testid=card-arrears]")).containsText("会费已逾期未缴");
		assertThat(page.locator("[data-testid=card-qr]")).isVisible();
		fitsThePhone(page);
		screenshot("benefit-card-arrears-phone");
		String arrearsCode = page.locator("[data-testid=card-code]").textContent().trim();

		// the merchant, on a phone of its own: first sign-in, then its one page
		BrowserContext tillContext = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740));
		Page till = tillContext.newPage();
		till.setDefaultTimeout(30_000);
		till.navigate(url("/login"));
		till.locator("#username").fill(Json.text(opened, "$.login"));
		till.locator("#password").fill(Json.text(opened, "$.initialPassword"));
		till.locator("button[type=submit]").click();
		till.locator("#currentPassword").fill(Json.text(opened, "$.initialPassword"));
		till.locator("#newPassword").fill("Till-Passw0rd-2026");
		till.locator("#confirmPassword").fill("Till-Passw0rd-2026");
		till.locator("form.card button[type=submit]").click();
		till.waitForURL(url -> url.endsWith("/merchant"));
		assertThat(till.locator("[data-testid=till-merchant]")).hasText("长安茶楼");
		assertThat(till.locator("[data-testid=sidebar] a.nav-link")).hasCount(1);
		till.locator("#code").fill(arrearsCode);
		till.locator("[data-testid=till-check] button[type=submit]").click();
		assertThat(till.locator("[data-testid=till-verdict]")).hasText("无效");
		assertThat(till.locator("[data-testid=till-reason]")).containsText("会费逾期未缴");
		assertThat(till.locator("[data-testid=till-use]")).hasCount(0);

		// the chamber records the payment on the bill's page
		BrowserContext staffContext = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
		Page staff = staffContext.newPage();
		staff.setDefaultTimeout(30_000);
		staff.navigate(url("/login"));
		staff.locator("#username").fill(tree.account(tree.chamber(), Role.STAFF).getUsername());
		staff.locator("#password").fill(TestAccounts.PASSWORD);
		staff.locator("button[type=submit]").click();
		staff.waitForURL(url -> !url.contains("/login"));
		staff.navigate(url("/dues/bills/" + bill));
		staff.locator("#amount").fill("10000");
		staff.locator("#method").selectOption("CASH");
		staff.locator("[data-testid=payment-form] button[type=submit]").click();
		assertThat(staff.locator("[data-testid=bill-outstanding]")).hasText("¥0.00");
		staffContext.close();

		// the member's card is valid at once; the merchant checks its fresh code and records a use
		page.navigate(url("/portal/card"));
		assertThat(page.locator("[data-testid=card-state]")).hasText("有效");
		assertThat(page.locator("[data-testid=card-arrears]")).hasCount(0);
		screenshot("benefit-card-valid-phone");
		String code = page.locator("[data-testid=card-code]").textContent().trim();

		till.locator("#code").fill(code);
		till.locator("[data-testid=till-check] button[type=submit]").click();
		assertThat(till.locator("[data-testid=till-verdict]")).hasText("有效");
		assertThat(till.locator("[data-testid=till-name]")).hasText("赵卡" + tree.tag());
		assertThat(till.locator("[data-testid=till-orgs]")).hasText("长安区卡商会" + tree.tag());
		fitsThePhone(till);
		till.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "benefit-till-valid-phone.png"))
			.setFullPage(true));
		till.locator("[data-testid=till-use]").click();
		assertThat(till.locator(".alert-success")).containsText("已记录本次使用");
		tillContext.close();

		assertThat(jdbc.sql("select count(*) from benefit_card_use where merchant_id = :m and party_id = :p").param("m", merchant)
			.param("p", person).query(Long.class).single()).isEqualTo(1L);
	}

	private static void fitsThePhone(Page page) {
		int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
		assertThat(overflow).as("the page scrolls sideways by").isLessThanOrEqualTo(0);
	}

}
