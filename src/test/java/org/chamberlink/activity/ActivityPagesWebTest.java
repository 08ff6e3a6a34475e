package org.chamberlink.activity;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages and the API of activities: plan, publish, register until full and wait, check in
 * at the door, the month's calendar; refused forms keep what was typed (422); a read-only account
 * sees no buttons; a neighbour's activity answers as one that does not exist, by page and by API.
 */
@IntegrationTest
@Tag("database")
class ActivityPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	WebSession staff;

	String start;

	@BeforeEach
	void plantTree() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("活动页");
		AccountPrincipal account = tree.account(tree.county(), Role.STAFF);
		staff = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		start = LocalDateTime.now(ChinaTime.ZONE).plusDays(5).truncatedTo(ChronoUnit.HOURS).toString();
	}

	@Test
	void staffPlanPublishRegisterUntilFullAndSeeTheMonth() {
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		String member = "满员测试企业" + tree.tag();
		MemberFixture.enterprise(port, token, tree.chamber(), member, MemberFixture.creditCode(), MemberFixture.phone());
		String other = "候补测试企业" + tree.tag();
		MemberFixture.enterprise(port, token, tree.chamber(), other, MemberFixture.creditCode(), MemberFixture.phone());

		HttpResponse<String> created = staff.postForm("/activities/new", form("安全生产培训", "1"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String page = staff.location(created);
		long id = Long.parseLong(page.replaceAll(".*/activities/(\\d+).*", "$1"));
		assertThat(staff.get(page).body()).contains("安全生产培训", "草稿");

		staff.postForm("/activities/" + id + "/publish", Map.of());
		String found = staff.get("/activities/" + id + "?q=" + java.net.URLEncoder.encode("测试企业" + tree.tag(), java.nio.charset.StandardCharsets.UTF_8)).body();
		assertThat(found).contains(member, other);
		HttpResponse<String> first = staff.postForm("/activities/" + id + "/registrations",
				Map.of("membershipId", String.valueOf(membership(member))));
		assertThat(staff.get(staff.location(first)).body()).contains("已为该会员报名");
		HttpResponse<String> second = staff.postForm("/activities/" + id + "/registrations",
				Map.of("membershipId", String.valueOf(membership(other))));
		String after = staff.get(staff.location(second)).body();
		assertThat(after).contains("名额已满，该会员已进入候补名单", "候补");
		assertThat(after).containsPattern("data-testid=\"count-registered\"[^>]*>1 / 1<");

		String month = staff.get("/activities?view=month&month=" + start.substring(0, 7)).body();
		assertThat(month).contains("安全生产培训");
	}

	@Test
	void aRefusedFormKeepsWhatWasTypedAndNothingIsWritten() {
		long before = count();
		Map<String, String> fields = new java.util.HashMap<>(form("时间颠倒的论坛", ""));
		fields.put("endsAt", LocalDateTime.parse(start).minusHours(1).toString());
		HttpResponse<String> refused = staff.postForm("/activities/new", fields);
		Refusals.assertFormKept(refused, "endsAt", "结束时间必须晚于开始时间", "时间颠倒的论坛", "长安区会议中心");
		fields.put("endsAt", LocalDateTime.parse(start).plusHours(1).toString());
		fields.put("capacity", "0");
		Refusals.assertFormKept(staff.postForm("/activities/new", fields), "capacity", "名额须为 1 至 100000", "时间颠倒的论坛");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theApiPlansAndRefusesWithProblemDetails() {
		String token = tree.token(tree.county(), Role.STAFF);
		HttpResponse<String> created = Api.post(port, "/api/v1/activities", token, """
				{"orgId": %d, "kind": "FORUM", "title": "民营经济论坛", "startsAt": "%s", "endsAt": "%s", "place": "县会堂",
				 "capacity": 200, "audience": "SUBTREE"}
				""".formatted(tree.county(), start, LocalDateTime.parse(start).plusHours(3)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Json.created(created);
		assertThat(Api.post(port, "/api/v1/activities/" + id + "/publish", token, "{}").statusCode()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/activities/" + id, token).body()).contains("\"status\":\"PUBLISHED\"");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/activities", token, """
				{"orgId": %d, "kind": "FORUM", "title": "", "startsAt": "%s", "endsAt": "%s", "place": "县会堂"}
				""".formatted(tree.county(), start, LocalDateTime.parse(start).plusHours(3))), "title", "请填写“标题”");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/activities/" + id + "/cancel", token, "{\"reason\":\" \"}"),
				"cancelReason", "请填写“取消原因”");
		assertThat(Api.get(port, "/api/v1/activities/" + id + "/check-in-code", token).body()).contains("/checkin/" + id + "?code=" + id + ".");
	}

	@Test
	void aNeighboursActivityAnswersLikeOneThatDoesNotExistOnEveryPageAndCall() {
		String neighbourToken = tree.token(tree.neighbourCounty(), Role.STAFF);
		long theirs = Json.created(Api.post(port, "/api/v1/activities", neighbourToken, """
				{"orgId": %d, "kind": "TRAINING", "title": "桥西区培训", "startsAt": "%s", "endsAt": "%s", "place": "桥西区会堂"}
				""".formatted(tree.neighbourCounty(), start, LocalDateTime.parse(start).plusHours(2))));
		long nowhere = Long.MAX_VALUE / 2;
		String token = tree.token(tree.county(), Role.STAFF);
		for (long id : new long[] { theirs, nowhere }) {
			assertThat(staff.get("/activities/" + id).statusCode()).isEqualTo(404);
			assertThat(staff.get("/activities/" + id + "/edit").statusCode()).isEqualTo(404);
			assertThat(staff.postForm("/activities/" + id + "/publish", Map.of()).statusCode()).isEqualTo(404);
			assertThat(staff.postForm("/activities/" + id + "/registrations", Map.of("membershipId", "1")).statusCode()).isEqualTo(404);
			assertThat(staff.postForm("/activities/" + id + "/check-ins", Map.of("membershipId", "1")).statusCode()).isEqualTo(404);
			assertThat(Api.get(port, "/api/v1/activities/" + id, token).statusCode()).isEqualTo(404);
			assertThat(Api.get(port, "/api/v1/activities/" + id + "/attendees", token).statusCode()).isEqualTo(404);
			assertThat(Api.get(port, "/api/v1/activities/" + id + "/check-in-code", token).statusCode()).isEqualTo(404);
			assertThat(Api.post(port, "/api/v1/activities/" + id + "/registrations", token, "{\"membershipId\":1}").statusCode())
				.isEqualTo(404);
			assertThat(Api.post(port, "/api/v1/activities/" + id + "/check-ins", token, "{\"attendeeId\":1}").statusCode()).isEqualTo(404);
		}
		assertThat(Api.get(port, "/api/v1/activities?keyword=桥西区培训", token).body()).doesNotContain("桥西区培训");
		// creating one for the neighbour's organisation answers as for an organisation that does not exist
		HttpResponse<String> planted = Api.post(port, "/api/v1/activities", token, """
				{"orgId": %d, "kind": "TRAINING", "title": "越界", "startsAt": "%s", "endsAt": "%s", "place": "某地"}
				""".formatted(tree.neighbour(), start, LocalDateTime.parse(start).plusHours(2)));
		HttpResponse<String> nowhereOrg = Api.post(port, "/api/v1/activities", token, """
				{"orgId": %d, "kind": "TRAINING", "title": "越界", "startsAt": "%s", "endsAt": "%s", "place": "某地"}
				""".formatted(nowhere, start, LocalDateTime.parse(start).plusHours(2)));
		assertThat(planted.statusCode()).isEqualTo(nowhereOrg.statusCode()).isEqualTo(404);
		assertThat(planted.body()).isEqualTo(nowhereOrg.body().replace(String.valueOf(nowhere), String.valueOf(tree.neighbour())));
	}

	@Test
	void aReadOnlyAccountSeesNoButtons() {
		String token = tree.token(tree.county(), Role.STAFF);
		long id = Json.created(Api.post(port, "/api/v1/activities", token, """
				{"orgId": %d, "kind": "TRAINING", "title": "只读可见的培训", "startsAt": "%s", "endsAt": "%s", "place": "县会堂"}
				""".formatted(tree.county(), start, LocalDateTime.parse(start).plusHours(2))));
		AccountPrincipal auditor = tree.account(tree.county(), Role.AUDITOR);
		WebSession reader = WebSession.signedIn(port, auditor.getUsername(), TestAccounts.PASSWORD);
		String page = reader.get("/activities/" + id).body();
		assertThat(page).contains("只读可见的培训").doesNotContain("data-testid=\"publish\"", "data-testid=\"edit-activity\"",
				"data-testid=\"guest-form\"", "data-testid=\"cancel-form\"");
		assertThat(reader.get("/activities").body()).doesNotContain("data-testid=\"new-activity\"");
		assertThat(reader.postForm("/activities/" + id + "/publish", Map.of()).statusCode()).isEqualTo(403);
	}

	private Map<String, String> form(String title, String capacity) {
		return Map.of("orgId", String.valueOf(tree.county()), "kind", "TRAINING", "title", title, "startsAt", start, "endsAt",
				LocalDateTime.parse(start).plusHours(2).toString(), "place", "长安区会议中心", "capacity", capacity, "audience", "SUBTREE");
	}

	private long membership(String name) {
		return jdbc.sql("select membership_id from published_membership where party_name = :name").param("name", name).query(Long.class)
			.single();
	}

	private long count() {
		return jdbc.sql("select count(*) from activity").query(Long.class).single();
	}

}
