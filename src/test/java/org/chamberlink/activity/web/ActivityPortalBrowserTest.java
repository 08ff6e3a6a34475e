package org.chamberlink.activity.web;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member on a 375 px phone: signs in, finds a full training in the portal and joins its waiting
 * list, moves up when another member cancels, then scans the check-in code and taps 签到; a guest
 * opens the same page without signing in. No page scrolls sideways.
 */
@IntegrationTest
class ActivityPortalBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityPlanning planning;

	@Autowired
	ActivityCheckIns checkIns;

	@Test
	void aMemberIsWaitListedMovesUpAndChecksInOnAPhone() {
		ActivityScene scene = new ActivityScene(port, new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("手机活动"),
				planning, accountManagement, jdbc);
		// a training half an hour from now: registration still open, check-in open already
		Long training = scene.training("民营经济促进法宣讲会（第一期）", ActivityScene.now().plusMinutes(30), 1);
		AccountPrincipal first = scene.member(scene.person("陈先报"));
		AccountPrincipal member = scene.member(scene.person("林会员"));
		WebSession other = scene.web(first);
		other.get("/portal/activities/" + training);
		other.postForm("/portal/activities/" + training + "/registration", Map.of());

		phone();
		signIn(member.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/portal/activities"));
		var card = page.locator("[data-testid=open-activities] [data-testid=activity-card]")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("民营经济促进法宣讲会"));
		assertThat(card).containsText("名额 1 人，已报名 1 人");
		assertThat(card).containsText("名额已满");
		noSidewaysScroll("/portal/activities");
		screenshot("activity-portal-375");
		card.locator("[data-testid=register]").click();
		assertThat(page.locator("[role=status]")).containsText("已满，已加入候补");
		var mine = page.locator("[data-testid=own-activities] [data-testid=activity-card]");
		assertThat(mine.locator("[data-testid=own-status]")).hasText("候补第 1 位");
		noSidewaysScroll("/portal/activities after registering");
		screenshot("activity-portal-waitlisted-375");

		// the member holding the seat cancels: the first waiting moves up
		other.get("/portal/activities/" + training);
		other.postForm("/portal/activities/" + training + "/cancellation", Map.of());
		page.reload();
		assertThat(mine.locator("[data-testid=own-status]")).hasText("已报名");

		// the activity's page, then the QR code at the door
		mine.locator("[data-testid=activity-title]").click();
		assertThat(page.locator("[data-testid=activity-title]")).hasText("民营经济促进法宣讲会（第一期）");
		noSidewaysScroll("/portal/activities/{id}");
		screenshot("activity-portal-detail-375");
		String code = ActivityScene.as(scene.staff, () -> checkIns.code(training));
		page.navigate(url("/checkin/" + training + "?code=" + code));
		assertThat(page.locator("[data-testid=check-in-title]")).hasText("民营经济促进法宣讲会（第一期）");
		noSidewaysScroll("/checkin/{id}");
		screenshot("activity-check-in-member-375");
		page.locator("[data-testid=check-in]").click();
		// answered in place by the page's script (one JSON request, no redirect): the form gives way to the outcome
		assertThat(page.locator("[data-tap-outcome]")).hasText(Pattern.compile("签到成功 \\d\\d:\\d\\d"));
		assertThat(page.locator("[data-testid=member-check-in-form]")).isHidden();
		screenshot("activity-checked-in-375");
		page.reload();
		assertThat(page.locator("[data-testid=check-in-outcome]")).hasText(Pattern.compile("已于 \\d\\d:\\d\\d 签到"));
		page.navigate(url("/portal/activities"));
		assertThat(mine.locator("[data-testid=own-status]")).hasText(Pattern.compile("已签到 \\d\\d:\\d\\d"));

		// a guest on another phone: the same page, without signing in
		Page guest = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(375, 740)).newPage();
		try {
			guest.navigate(url("/checkin/" + training + "?code=" + code));
			guest.locator("#guestPhone").fill("1391234");
			guest.locator("[data-testid=guest-check-in]").click();
			assertThat(guest.locator("[data-field-error=guestName]")).containsText("来宾姓名");
			assertThat(guest.locator("#guestPhone")).hasValue("1391234");
			guest.locator("#guestName").fill("黄来宾");
			guest.locator("#guestPhone").fill("13912348765");
			assertThat(((Number) guest.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
				.as("the guest form scrolls sideways at 375 px").isLessThanOrEqualTo(0);
			guest.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots",
					"activity-check-in-guest-375.png")).setFullPage(true));
			guest.locator("[data-testid=guest-check-in]").click();
			assertThat(guest.locator("[data-testid=check-in-outcome]")).hasText(Pattern.compile("签到成功 \\d\\d:\\d\\d"));
			// a forged code: the message, plainly
			guest.navigate(url("/checkin/" + training + "?code=" + training + ".forged"));
			assertThat(guest.locator("[data-testid=check-in-refusal]")).hasText("签到码无效，请扫描活动现场的二维码");
			guest.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots",
					"activity-check-in-refused-375.png")).setFullPage(true));
		}
		finally {
			guest.context().close();
		}

		// the poster staff print for the door, on an A4 sheet
		Page staff = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 860)).newPage();
		try {
			staff.navigate(url("/login"));
			staff.locator("#username").fill(scene.staff.getUsername());
			staff.locator("#password").fill(TestAccounts.PASSWORD);
			staff.locator("button[type=submit]").click();
			staff.waitForURL(address -> !address.contains("/login"));
			staff.navigate(url("/activities/" + training + "/check-in-poster"));
			assertThat(staff.locator("[data-testid=poster-title]")).hasText("民营经济促进法宣讲会（第一期）");
			assertThat(staff.locator("[data-testid=check-in-url]")).hasText(url("/checkin/" + training + "?code=" + code));
			assertThat(((Boolean) staff.evaluate("document.querySelector('img.check-in-qr').naturalWidth > 0"))).isTrue();
			staff.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots",
					"activity-check-in-poster.png")).setFullPage(true));
			staff.pdf(new Page.PdfOptions().setPath(java.nio.file.Path.of("target/screenshots", "activity-check-in-poster.pdf"))
				.setPreferCSSPageSize(true));
		}
		finally {
			staff.context().close();
		}
	}

	private void noSidewaysScroll(String what) {
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as(what + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
	}

}
