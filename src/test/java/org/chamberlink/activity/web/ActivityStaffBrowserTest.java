package org.chamberlink.activity.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
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
 * The county's staff run a training from the first click to the ledger: plan it in the form for
 * the county's members and publish it; members register (one waits, then moves up) and check in by
 * the QR code; at the door staff check in a walk-in found by name and print the sign-in sheet;
 * once it has begun they mark it held, record the minutes with a resolution, and find it in the
 * county's ledger and figures.
 */
@IntegrationTest
class ActivityStaffBrowserTest extends BrowserTest {

	private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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
	void staffRunATrainingFromPlanToLedger() {
		ActivityScene scene = new ActivityScene(port, new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("活动全程"),
				planning, accountManagement, jdbc);
		AccountPrincipal first = scene.member(scene.person("王先到"));
		AccountPrincipal second = scene.member(scene.person("赵后到"));
		String walkIn = "现场企业" + scene.tree.tag();
		scene.enterprise("现场企业");

		signIn(scene.staff.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/activities"));
		page.locator("[data-testid=new-activity]").click();
		LocalDateTime starts = ActivityScene.now().plusMinutes(40);
		page.locator("#title").fill("安全生产培训（县全体会员）");
		page.locator("#startsAt").fill(TYPED.format(starts));
		page.locator("#endsAt").fill(TYPED.format(starts.plusHours(2)));
		page.locator("#place").fill("长安区会议中心三楼");
		page.locator("#capacity").fill("1");
		screenshot("activity-form");
		page.locator("[data-testid=save-activity]").click();
		assertThat(page.locator("[data-testid=activity-title]")).hasText("安全生产培训（县全体会员）");
		page.locator("[data-testid=publish]").click();
		assertThat(page.locator("[role=status]").first()).containsText("活动已发布");
		long id = Long.parseLong(page.url().replaceAll(".*/activities/(\\d+).*", "$1"));

		// members register in the portal: the second waits and moves up when the first withdraws
		WebSession one = scene.web(first);
		WebSession two = scene.web(second);
		one.get("/portal/activities/" + id);
		one.postForm("/portal/activities/" + id + "/registration", Map.of());
		two.get("/portal/activities/" + id);
		assertThat(two.get(two.location(two.postForm("/portal/activities/" + id + "/registration", Map.of()))).body())
			.contains("已满，已加入候补");
		one.postForm("/portal/activities/" + id + "/cancellation", Map.of());
		page.reload();
		assertThat(page.locator("[data-testid=count-registered]")).hasText("1 / 1");
		assertThat(page.locator("[data-testid=count-waiting]")).hasText("0");

		// the member who moved up checks in with the QR code
		String code = ActivityScene.as(scene.staff, () -> checkIns.code(id));
		two.get("/checkin/" + id + "?code=" + code);
		two.postForm("/checkin/" + id + "?code=" + code, Map.of());

		// at the door: a walk-in found by name, checked in by staff
		page.locator("input[name=q]").fill("现场企业");
		page.locator("[data-testid=find-member]").click();
		page.locator("[data-testid=candidates] [data-testid=check-in-member]").click();
		assertThat(page.locator("[data-testid=check-in-notice]")).containsText(walkIn + " 签到成功");
		assertThat(page.locator("[data-testid=count-present]")).hasText("2");
		screenshot("activity-detail-at-the-door");

		// the paper sign-in sheet for those without a phone
		APIResponse sheet = page.request().get(url("/activities/" + id + "/sign-in-sheet.pdf"));
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.headers().get("content-type")).startsWith("application/pdf");

		// the training has begun: staff mark it held
		jdbc.sql("update activity set starts_at = now() - interval '5 minutes' where id = :id").param("id", id).update();
		page.reload();
		page.locator("[data-testid=mark-held]").click();
		assertThat(page.locator("[role=status]").first()).containsText("活动已标记为已举办");
		assertThat(page.locator("[data-testid=attendees]")).containsText("赵后到");

		// the minutes, with a resolution, the attendance attached
		page.locator("[data-testid=minutes]").click();
		assertThat(page.locator("[data-testid=attendance] [data-testid=present]").first()).hasText("2");
		page.locator("#summary").fill("讲解安全生产法新规，现场答疑。");
		page.locator("[name='resolutions[0].text']").fill("全体会员企业开展一次安全自查");
		page.locator("[name='resolutions[0].votesFor']").fill("2");
		page.locator("[name='resolutions[0].votesAgainst']").fill("0");
		page.locator("[name='resolutions[0].votesAbstain']").fill("0");
		page.locator("[data-testid=save-minutes]").click();
		assertThat(page.locator("[data-testid=minutes-summary]")).hasText("讲解安全生产法新规，现场答疑。");
		assertThat(page.locator("[data-testid=resolution-outcome]")).hasText("通过");
		screenshot("activity-minutes");

		// the county's ledger and figures show it
		int year = starts.getYear();
		page.navigate(url("/activities/ledger?orgId=" + scene.tree.county() + "&year=" + year));
		var row = page.locator("[data-testid=ledger] tbody tr").filter(
				new com.microsoft.playwright.Locator.FilterOptions().setHasText("安全生产培训（县全体会员）"));
		assertThat(row).containsText("2");
		assertThat(row.locator("[data-testid=ledger-minutes]")).hasText("有");
		screenshot("activity-ledger");
		page.navigate(url("/figures/activities?org=" + scene.tree.county() + "&from=" + year + "-01-01&to=" + year + "-12-31"));
		assertThat(page.locator("[data-testid=figure-person-times]")).hasText("2");
		screenshot("activity-figures");
	}

}
