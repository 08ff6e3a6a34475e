package org.chamberlink.honour.web;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.chamberlink.honour.HonourScene;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's "done when": a city runs 光彩之星; a county nominates two members within its quota and a
 * third is refused over it; the public notice shows the two and an objection is filed and answered;
 * the city awards; the certificate PDF's QR code opens the verification page; a revocation shows on
 * it; the member sees the honour in the portal on a phone.
 */
@IntegrationTest
class HonourBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCityRunsGuangcaiStarFromNominationToAVerifiedCertificateInTheMembersPortal() throws Exception {
		HonourScene scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "光彩");
		String tag = scene.tree().tag();
		long first = scene.person("林光彩");
		long second = scene.enterprise("星光");
		long third = scene.enterprise("超额");
		AccountPrincipal cityStaff = scene.account(scene.city(), Role.STAFF);
		AccountPrincipal countyStaff = scene.account(scene.county(), Role.STAFF);

		// the city runs 光彩之星 at its level and gives the county two places
		signIn(cityStaff.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/honours"));
		page.locator("#name").fill("光彩之星" + tag);
		page.locator("input[name=honoreeKinds][value=PERSON]").check();
		page.locator("[data-testid=level-CITY]").check();
		page.locator("[data-testid=create-programme]").click();
		assertThat(page.locator("[data-testid=programme] h2")).hasText("光彩之星" + tag);
		String programmeUrl = page.url();
		page.locator("#orgId").selectOption(String.valueOf(scene.county()));
		page.locator("#quota").fill("2");
		page.locator("[data-testid=set-quota]").click();
		assertThat(page.locator("[data-testid=quotas]")).containsText("0 / 2");
		screenshot("honour-programme");

		// the county nominates two, the third is refused over the quota with what was typed kept
		Page county = signedIn(countyStaff, 1280);
		county.navigate(programmeUrl);
		nominate(county, first, "热心光彩事业，捐资助学");
		assertThat(county.locator("[data-testid=nominations] > .card")).hasCount(1);
		nominate(county, second, "吸纳就业，回报社会");
		assertThat(county.locator("[data-testid=nominations] > .card")).hasCount(2);
		nominate(county, third, "第三名");
		assertThat(county.locator("[data-field-error=membershipId]")).containsText("名额已满");
		assertThat(county.locator("#reasons")).hasValue("第三名");
		county.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "honour-over-quota.png"))
			.setFullPage(true));
		county.context().close();

		// the city accepts both and puts them on public notice
		page.navigate(programmeUrl);
		Locator cards = page.locator("[data-testid=nominations] > .card");
		assertThat(cards).hasCount(2);
		for (int i = 0; i < 2; i++) {
			cards.nth(i).locator("[data-testid=accept]").click();
			assertThat(page.locator("[role=status]")).containsText("已保存");
		}
		page.locator("[data-testid=publish-notice-CITY]").click();
		assertThat(page.locator("[role=status]")).containsText("已公示");

		// anyone sees the notice (names, enterprise, level) and files an objection
		Page visitor = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740)).newPage();
		visitor.navigate(url(programmeUrl.replaceAll(".*/honours/", "/honours/notice/")));
		assertThat(visitor.locator("[data-testid=notice-entries]")).containsText("林光彩");
		assertThat(visitor.locator("[data-testid=notice-entries]")).containsText("星光有限公司" + tag);
		assertThat(visitor.locator("[data-testid=notice-entries]")).containsText("市级");
		visitor.locator("#nominationId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("林光彩"));
		visitor.locator("#text").fill("该会员曾拖欠会费");
		visitor.locator("[data-testid=file-objection]").click();
		assertThat(visitor.locator("[data-testid=objection-filed]")).containsText("异议已记录");
		visitor.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "honour-notice-375.png"))
			.setFullPage(true));

		// the objection holds the award until the city answers it
		page.reload();
		Locator held = cards.filter(new Locator.FilterOptions().setHasText("林光彩"));
		assertThat(held.locator("[data-testid=open-objections]")).containsText("1 条异议待答复");
		held.locator("[data-testid=award]").click();
		assertThat(page.locator("[data-testid=form-errors]")).containsText("异议未答复");
		held.locator("input[name=answer]").fill("经核实，会费已补缴");
		held.locator("[data-testid=answer]").click();
		assertThat(page.locator("[role=status]")).containsText("异议已答复");
		page.locator("[data-testid=award-all-CITY]").click();
		assertThat(page.locator("[data-testid=awards] > .card")).hasCount(2);
		screenshot("honour-awarded");

		// the certificate's QR code opens the verification page
		Locator award = page.locator("[data-testid=awards] > .card").filter(new Locator.FilterOptions().setHasText("林光彩"));
		String href = award.locator("[data-testid=certificate]").getAttribute("href");
		byte[] pdf = page.request().get(url(href)).body();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		List<String> codes = CertificateQrReader.read(pdf);
		assertThat(codes).singleElement().asString().contains("/honours/verify/RY-");
		visitor.navigate(codes.get(0));
		assertThat(visitor.locator("[data-testid=verification-state]")).hasText("该证书真实有效。");
		assertThat(visitor.locator("[data-testid=verified-awardee]")).hasText("林光彩");
		assertThat(visitor.locator("[data-testid=verified-honour]")).containsText("光彩之星" + tag);

		// a revocation shows on it
		award.locator("input[name=reason]").fill("事迹材料不实");
		award.locator("[data-testid=revoke]").click();
		assertThat(page.locator("[role=status]")).containsText("已保存");
		visitor.reload();
		assertThat(visitor.locator("[data-testid=verification-state]")).hasText("该证书已撤销：事迹材料不实");
		visitor.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "honour-verify-revoked-375.png"))
			.setFullPage(true));
		visitor.context().close();

		// the member sees the honour in the portal on a phone
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, scene.partyOf(first));
		Page phone = signedIn(member, 375);
		phone.navigate(url("/portal/honours"));
		assertThat(phone.locator("[data-testid=own-honours] [data-testid=honour-name]")).hasText("光彩之星" + tag);
		assertThat(phone.locator("[data-testid=own-honours]")).containsText("已撤销：事迹材料不实");
		assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as("the portal's honours scroll sideways at 375 px").isLessThanOrEqualTo(0);
		phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "honour-portal-375.png"))
			.setFullPage(true));
		phone.context().close();
	}

	private static void nominate(Page county, long membership, String reasons) {
		county.locator("#membershipId").selectOption(String.valueOf(membership));
		county.locator("#reasons").fill(reasons);
		county.locator("[data-testid=nominate]").click();
	}

	private Page signedIn(AccountPrincipal account, int width) {
		Page other = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(width, 860)).newPage();
		other.setDefaultTimeout(30_000);
		other.navigate(url("/login"));
		other.locator("#username").fill(account.getUsername());
		other.locator("#password").fill(TestAccounts.PASSWORD);
		other.locator("button[type=submit]").click();
		other.waitForURL(address -> !address.contains("/login"));
		return other;
	}

}
