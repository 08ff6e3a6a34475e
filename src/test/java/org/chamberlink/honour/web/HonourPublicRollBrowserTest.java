package org.chamberlink.honour.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.chamberlink.honour.HonourScene;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
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
 * The honour roll on the organisation's own page (a panel, decision 0046) and its publication: the
 * chamber opens its roll from the panel, publishes it, and a signed-out visitor reads it on a phone
 * (375 px) without scrolling sideways.
 */
@IntegrationTest
class HonourPublicRollBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChamberPublishesItsHonourRollAndAVisitorReadsItOnAPhone() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		HonourScene scene = HonourScene.plant(port, fixture, jdbc, "荣誉公开");
		String tag = scene.tree().tag();
		String cityToken = fixture.tokenIn(scene.city(), Role.STAFF);
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", cityToken, "{\"orgId\":" + scene.city()
				+ ",\"name\":\"光彩之星" + tag + "\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"CITY\"],\"cycle\":2026,"
				+ "\"certificate\":true}"));
		long membership = scene.enterprise("光彩公开");
		long nomination = Json.created(Api.post(port, "/api/v1/honours/programmes/" + programme + "/nominations",
				fixture.tokenIn(scene.county(), Role.STAFF), "{\"level\":\"CITY\",\"nominatorOrgId\":" + scene.county()
						+ ",\"membershipId\":" + membership + ",\"reasons\":\"回报社会\"}"));
		Api.post(port, "/api/v1/honours/nominations/" + nomination + "/accept", cityToken, "{}");
		Api.post(port, "/api/v1/honours/programmes/" + programme + "/notice?level=CITY", cityToken, "{}");
		Api.post(port, "/api/v1/honours/nominations/" + nomination + "/award", cityToken, "{}");

		// the chamber's page shows its honour roll as a panel; the chamber publishes the roll
		AccountPrincipal admin = scene.account(scene.chamber(), Role.CHAMBER_ADMIN);
		signIn(admin.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/organizations/" + scene.chamber()));
		assertThat(page.locator("[data-testid=detail-panel] [data-testid=honour-roll]")).containsText("光彩之星" + tag);
		page.navigate(url("/honours/roll/organization/" + scene.chamber()));
		page.locator("[data-testid=publish-roll]").click();
		assertThat(page.locator("[role=status]")).containsText("荣誉榜已公开");
		String publicUrl = page.locator("[data-testid=public-roll-link]").getAttribute("href");

		// anyone reads it on a phone, signed out
		Page visitor = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740)).newPage();
		visitor.navigate(url(publicUrl));
		assertThat(visitor.locator("[data-testid=public-roll-of]")).containsText("新华区荣誉公开商会" + tag);
		assertThat(visitor.locator("[data-testid=public-roll-awardee]")).containsText("光彩公开有限公司" + tag);
		assertThat(visitor.locator("[data-testid=public-roll-honour]")).hasText("光彩之星" + tag);
		assertThat(((Number) visitor.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as("the public roll scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		visitor.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "honour-public-roll-375.png"))
			.setFullPage(true));
		visitor.context().close();
	}

}
