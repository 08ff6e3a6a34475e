package org.chamberlink.activity.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member portal's activities: only what the member's audience includes (a neighbour's
 * activity, a draft and one that does not exist are alike not found), registering with the outcome
 * said (a seat, or the waiting list when full), withdrawing, moving up, and refusals drawn on the
 * page (422) rather than an error page.
 */
@IntegrationTest
@Tag("database")
class ActivityPortalWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityPlanning planning;

	ActivityScene scene;

	@BeforeEach
	void scene() {
		scene = new ActivityScene(port, new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("门户活动"), planning,
				accountManagement, jdbc);
	}

	@Test
	void aMemberSeesWhatTheirAudienceIncludesAndNothingElse() {
		Long training = scene.training("民法典培训", ActivityScene.now().plusDays(3), 30);
		Long draft = scene.draft("尚未发布的论坛", ActivityScene.now().plusDays(4));
		Long neighbours = scene.neighbours("桥西区论坛", ActivityScene.now().plusDays(3));
		WebSession member = scene.web(scene.member(scene.person("周会员")));

		String list = member.get("/portal/activities").body();
		assertThat(list).contains("民法典培训", "名额 30 人，已报名 0 人", "可报名的活动", "长安区工商联" + scene.tree.tag())
			.doesNotContain("尚未发布的论坛", "桥西区论坛");
		assertThat(member.get("/portal/activities/" + training).body()).contains("民法典培训", "长安区会议中心", "报名");

		HttpResponse<String> nonexistent = member.get("/portal/activities/" + Long.MAX_VALUE);
		assertThat(nonexistent.statusCode()).isEqualTo(404);
		for (Long hidden : new Long[] { neighbours, draft }) {
			HttpResponse<String> response = member.get("/portal/activities/" + hidden);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("桥西区论坛", "尚未发布的论坛");
			assertThat(member.get("/portal/activities/" + hidden + "/calendar.ics").statusCode()).isEqualTo(404);
			assertThat(member.postForm("/portal/activities/" + hidden + "/registration", Map.of()).statusCode()).isEqualTo(404);
			assertThat(member.postForm("/portal/activities/" + hidden + "/cancellation", Map.of()).statusCode()).isEqualTo(404);
		}
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id in (:ids)")
			.param("ids", java.util.List.of(neighbours, draft)).query(Long.class).single()).isZero();

		// staff have no portal
		WebSession staff = WebSession.signedIn(port, scene.staff.getUsername(), TestAccounts.PASSWORD);
		assertThat(staff.get("/portal/activities").statusCode()).isEqualTo(403);
	}

	@Test
	void theMembersMonthShowsTheActivitiesOfTheirAudienceOnly() {
		java.time.LocalDateTime when = ActivityScene.now().plusDays(3);
		scene.training("月历中的培训", when, null);
		scene.neighbours("月历外的论坛", when);
		scene.draft("月历外的草稿", when);
		WebSession member = scene.web(scene.member(scene.person("吴会员")));
		String month = member.get("/portal/activities/month?month=" + java.time.YearMonth.from(when)).body();
		assertThat(month).contains("月历中的培训").doesNotContain("月历外的论坛", "月历外的草稿");
		assertThat(member.get("/portal/activities/month?month=" + java.time.YearMonth.from(when).plusMonths(2)).body())
			.contains("本月没有您可参加的活动").doesNotContain("月历中的培训");
		assertThat(member.get("/portal/activities/month?month=nonsense").statusCode()).isEqualTo(200);
	}

	@Test
	void registeringSaysTheOutcomeAndAWithdrawalMovesTheFirstWaitingUp() {
		Long training = scene.training("消防安全培训", ActivityScene.now().plusDays(2), 1);
		WebSession first = scene.web(scene.member(scene.person("王先到")));
		WebSession second = scene.web(scene.member(scene.person("李后到")));

		first.get("/portal/activities/" + training);
		HttpResponse<String> seat = first.postForm("/portal/activities/" + training + "/registration", Map.of());
		assertThat(first.location(seat)).isEqualTo("/portal/activities/" + training);
		assertThat(first.get("/portal/activities/" + training).body()).contains("报名成功", "已报名", "取消报名");

		second.get("/portal/activities");
		HttpResponse<String> waiting = second.postForm("/portal/activities/" + training + "/registration",
				Map.of("back", "list"));
		assertThat(second.location(waiting)).isEqualTo("/portal/activities");
		String list = second.get("/portal/activities").body();
		assertThat(list).contains("已满，已加入候补", "候补第 1 位", "我的报名");

		// twice is refused on the page, with its message, and writes nothing
		HttpResponse<String> twice = second.postForm("/portal/activities/" + training + "/registration", Map.of());
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("data-testid=\"form-errors\"", "不能重复报名");

		first.get("/portal/activities/" + training);
		HttpResponse<String> withdrawn = first.postForm("/portal/activities/" + training + "/cancellation", Map.of());
		assertThat(first.location(withdrawn)).isEqualTo("/portal/activities/" + training);
		assertThat(first.get("/portal/activities/" + training).body()).contains("已取消", "报名");
		assertThat(second.get("/portal/activities/" + training).body()).contains("已报名").doesNotContain("候补第");
		// a second withdrawal finds nothing to withdraw: said on the page
		HttpResponse<String> again = first.postForm("/portal/activities/" + training + "/cancellation", Map.of());
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(again.body(), "activityId")).isEmpty();
		assertThat(again.body()).contains("您没有报名此活动");
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id = :a and status = 'REGISTERED'")
			.param("a", training).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCancelledActivityAndOneWhoseRegistrationClosedRefuseRegistrationOnThePage() {
		Long started = scene.training("进行中的培训", ActivityScene.now().minusMinutes(10), null);
		Long cancelled = scene.training("将取消的培训", ActivityScene.now().plusDays(5), null);
		scene.cancel(cancelled, "场地调整");
		WebSession member = scene.web(scene.member(scene.person("赵会员")));

		assertThat(member.get("/portal/activities/" + started).body()).contains("报名已截止").doesNotContain("data-testid=\"register\"");
		HttpResponse<String> late = member.postForm("/portal/activities/" + started + "/registration", Map.of());
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(late.body()).contains("不在报名时间内");
		assertThat(member.get("/portal/activities/" + cancelled).body()).contains("活动已取消：场地调整");
		assertThat(member.get("/portal/activities").body()).doesNotContain("将取消的培训");
	}

	@Test
	void anActivityGoesIntoTheMembersCalendar() {
		Long training = scene.training("税务知识讲座, 第一期; 2025", ActivityScene.now().plusDays(6), null);
		WebSession member = scene.web(scene.member(scene.person("钱会员")));
		HttpResponse<String> ics = member.get("/portal/activities/" + training + "/calendar.ics");
		assertThat(ics.statusCode()).isEqualTo(200);
		assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type.toLowerCase()).contains("text/calendar", "charset=utf-8"));
		assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:activity-" + training + "@chamberlink\r\n",
				"SUMMARY:税务知识讲座\\, 第一期\\; 2025\r\n", "STATUS:CONFIRMED");
	}

}
