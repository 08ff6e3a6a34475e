package org.chamberlink.honour.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.chamberlink.honour.HonourScene;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-application on a phone (issue 18: "members may apply themselves where the programme
 * allows"): the member applies in the portal at 375 px (a refused form keeps what was typed), the
 * member's chamber sees the application on the programme's page and endorses it, and the member
 * sees where it stands.
 */
@IntegrationTest
class HonourSelfApplicationBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberAppliesOnAPhoneAndTheChamberEndorses() {
		HonourScene scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "自荐");
		String tag = scene.tree().tag();
		int year = java.time.LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE).getYear();
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", scene.tree().token(scene.city(), Role.STAFF),
				"{\"orgId\":" + scene.city() + ",\"name\":\"优秀会员" + tag + "\",\"honoreeKinds\":[\"PERSON\"],\"levels\":[\"CITY\"],"
						+ "\"cycle\":" + year + ",\"certificate\":true,\"selfApply\":true,\"noticeDays\":5}"));
		long membership = scene.person("赵自荐");
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, scene.partyOf(membership));

		// the member applies on a phone; without reasons the form comes back with the evidence kept
		phone();
		signIn(member.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/portal/honours"));
		assertThat(page.locator("#programmeId option")).containsText(new String[] { "优秀会员" + tag });
		page.locator("#programmeId").selectOption(String.valueOf(programme));
		page.locator("#evidence").fill("捐资助学收据");
		page.locator("[data-testid=apply]").click();
		assertThat(page.locator("[data-field-error=reasons]")).isVisible();
		assertThat(page.locator("#evidence")).hasValue("捐资助学收据");
		page.locator("#reasons").fill("十年捐资助学");
		page.locator("[data-testid=apply]").click();
		assertThat(page.locator("[role=status]")).containsText("申报已提交");
		assertThat(page.locator("[data-testid=own-applications] [data-testid=application-status]")).hasText("会员申报待审核");
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as("the portal's honours scroll sideways at 375 px").isLessThanOrEqualTo(0);
		screenshot("honour-self-apply-375");

		// the member's chamber sees it as an application to review and endorses it
		AccountPrincipal chamberAdmin = scene.account(scene.chamber(), Role.CHAMBER_ADMIN);
		Page chamber = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 860)).newPage();
		chamber.setDefaultTimeout(30_000);
		chamber.navigate(url("/login"));
		chamber.locator("#username").fill(chamberAdmin.getUsername());
		chamber.locator("#password").fill(TestAccounts.PASSWORD);
		chamber.locator("button[type=submit]").click();
		chamber.waitForURL(address -> !address.contains("/login"));
		chamber.navigate(url("/honours/" + programme));
		Locator card = chamber.locator("[data-testid=nominations] > .card").filter(new Locator.FilterOptions().setHasText("赵自荐"));
		assertThat(card.locator("[data-testid=self-applied]")).hasText("会员自荐");
		assertThat(card.locator("[data-testid=nomination-status]")).hasText("会员申报待审核");
		card.locator("[data-testid=endorse]").click();
		assertThat(chamber.locator("[role=status]")).containsText("已保存");
		assertThat(card.locator("[data-testid=nomination-status]")).hasText("已推荐");
		chamber.context().close();

		// the member sees it went forward
		page.reload();
		assertThat(page.locator("[data-testid=own-applications] [data-testid=application-status]")).hasText("已推荐");
	}

}
