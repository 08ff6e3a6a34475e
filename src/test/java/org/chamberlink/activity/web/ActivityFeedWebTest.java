package org.chamberlink.activity.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.activity.Audience;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calendar feeds behind secret links, read as a calendar application reads them: RFC 5545 lines
 * (CRLF, folded at 75 octets, text escaped, times in UTC), one event per activity with its stable
 * UID, a cancelled one marked; the organisation's feed holds its subtree's activities, the member's
 * those of their audience; a reset link's old address is not found; a neighbour's organisation's
 * link is neither shown nor reset.
 */
@IntegrationTest
@Tag("database")
class ActivityFeedWebTest {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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

	@Autowired
	Activities activities;

	ActivityScene scene;

	@BeforeEach
	void scene() {
		scene = new ActivityScene(port, new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("日历"), planning,
				accountManagement, jdbc);
	}

	@Test
	void theOrganisationsFeedIsACalendarOfItsSubtreeAndAResetEndsTheOldLink() {
		String agenda = "一、开班仪式；二、专题讲座：民营经济促进法, 企业合规经营与风险防范（主讲：省司法厅法律顾问团）；三、交流研讨，答疑解惑";
		Long training = ActivityScene.as(scene.staff, () -> {
			Long id = planning.create(new ActivityForm(scene.tree.county(), ActivityKind.TRAINING, "合规培训, 第二期; 上午",
					List.of(scene.tree.chamber()), "市司法局", ActivityScene.now().plusDays(3), ActivityScene.now().plusDays(3).plusHours(3),
					"长安区会议中心", null, agenda, 50, null, null, Audience.SUBTREE, null, null, null));
			planning.publish(id);
			return id;
		});
		Long cancelled = scene.training("取消的讲座", ActivityScene.now().plusDays(4), null);
		scene.cancel(cancelled, "主讲人临时出差");
		Long draft = scene.draft("草稿论坛", ActivityScene.now().plusDays(5));
		Long neighbours = scene.neighbours("桥西区论坛", ActivityScene.now().plusDays(3));

		WebSession staff = scene.web(scene.staff);
		String page = staff.get("/activities/feeds").body();
		assertThat(page).contains("长安区工商联" + scene.tree.tag(), "尚未生成订阅链接", "生成订阅链接");
		HttpResponse<String> made = staff.postForm("/activities/feeds", Map.of("orgId", Long.toString(scene.tree.county())));
		assertThat(staff.location(made)).isEqualTo("/activities/feeds?org=" + scene.tree.county());
		String link = feedLink(staff.get(staff.location(made)).body());
		assertThat(link).matches("http://localhost:" + port + "/feeds/activities/[A-Za-z0-9_-]{43}\\.ics");
		String path = link.substring(("http://localhost:" + port).length());

		// read without signing in, as a calendar application does
		HttpResponse<String> feed = new WebSession(port).get(path);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type.toLowerCase()).contains("text/calendar", "charset=utf-8"));
		String ics = feed.body();
		assertThat(ics).endsWith("END:VCALENDAR\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		List<Map<String, String>> events = events(ics);
		assertThat(events).extracting(event -> event.get("UID"))
			.contains("activity-" + training + "@chamberlink", "activity-" + cancelled + "@chamberlink")
			.doesNotContain("activity-" + draft + "@chamberlink", "activity-" + neighbours + "@chamberlink");
		Map<String, String> event = events.stream().filter(e -> e.get("UID").equals("activity-" + training + "@chamberlink"))
			.findFirst().orElseThrow();
		var view = ActivityScene.as(scene.staff, () -> activities.get(training));
		assertThat(event.get("DTSTART")).isEqualTo(UTC.format(view.startsAt())).endsWith("Z");
		assertThat(event.get("DTEND")).isEqualTo(UTC.format(view.endsAt()));
		assertThat(event.get("SUMMARY")).isEqualTo("合规培训\\, 第二期\\; 上午");
		assertThat(event.get("LOCATION")).isEqualTo("长安区会议中心");
		assertThat(event.get("STATUS")).isEqualTo("CONFIRMED");
		// the long description is folded, and unfolded it is whole, its commas escaped
		assertThat(event.get("DESCRIPTION")).contains("主办：长安区工商联" + scene.tree.tag(), "协办：长安区日历商会", "市司法局",
				"民营经济促进法\\, 企业合规经营", "\\n一、开班仪式");
		assertThat(event.get("URL")).isEqualTo("http://localhost:" + port + "/activities/" + training);
		Map<String, String> off = events.stream().filter(e -> e.get("UID").equals("activity-" + cancelled + "@chamberlink"))
			.findFirst().orElseThrow();
		assertThat(off.get("STATUS")).isEqualTo("CANCELLED");
		assertThat(off.get("DESCRIPTION")).contains("已取消：主讲人临时出差");

		// a reset replaces the link: the old one is not found, the new one works
		staff.get("/activities/feeds");
		staff.postForm("/activities/feeds", Map.of("orgId", Long.toString(scene.tree.county())));
		String renewed = feedLink(staff.get("/activities/feeds").body());
		assertThat(renewed).isNotEqualTo(link);
		assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get(renewed.substring(("http://localhost:" + port).length())).statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).get("/feeds/activities/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/feeds/activities/nonsense.ics").statusCode()).isEqualTo(404);
	}

	@Test
	void aNeighboursLinkIsNeitherShownNorResetAndAReaderMayNotReset() {
		WebSession neighbourStaff = scene.web(scene.tree.account(scene.tree.neighbourCounty(), Role.STAFF));
		neighbourStaff.get("/activities/feeds");
		neighbourStaff.postForm("/activities/feeds", Map.of("orgId", Long.toString(scene.tree.neighbourCounty())));
		String neighbourLink = feedLink(neighbourStaff.get("/activities/feeds").body());

		WebSession staff = scene.web(scene.staff);
		HttpResponse<String> shown = staff.get("/activities/feeds?org=" + scene.tree.neighbourCounty());
		HttpResponse<String> nobody = staff.get("/activities/feeds?org=" + Long.MAX_VALUE);
		assertThat(shown.statusCode()).isEqualTo(404);
		assertThat(nobody.statusCode()).isEqualTo(404);
		assertThat(shown.body()).doesNotContain(neighbourLink, "桥西区");
		staff.get("/activities/feeds");
		assertThat(staff.postForm("/activities/feeds", Map.of("orgId", Long.toString(scene.tree.neighbourCounty()))).statusCode())
			.isEqualTo(404);
		assertThat(feedLink(neighbourStaff.get("/activities/feeds").body())).isEqualTo(neighbourLink);

		// an auditor reads the link, but makes none
		WebSession auditor = scene.web(scene.tree.account(scene.tree.county(), Role.AUDITOR));
		assertThat(auditor.get("/activities/feeds").body()).contains("尚未生成订阅链接").doesNotContain("feed-reset");
		assertThat(auditor.postForm("/activities/feeds", Map.of("orgId", Long.toString(scene.tree.county()))).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theMembersFeedHoldsTheirAudiencesActivitiesAndAResetEndsTheOldLink() {
		Long training = scene.training("会员培训", ActivityScene.now().plusDays(3), null);
		Long registeredThenCancelled = scene.training("报名后取消的活动", ActivityScene.now().plusDays(4), null);
		Long cancelledUnseen = scene.training("无人报名即取消", ActivityScene.now().plusDays(4), null);
		Long neighbours = scene.neighbours("桥西区论坛", ActivityScene.now().plusDays(3));
		var account = scene.member(scene.person("冯会员"));
		WebSession member = scene.web(account);
		member.get("/portal/activities/" + registeredThenCancelled);
		member.postForm("/portal/activities/" + registeredThenCancelled + "/registration", Map.of());
		scene.cancel(registeredThenCancelled, "天气原因");
		scene.cancel(cancelledUnseen, "场地冲突");

		assertThat(member.get("/portal/activities").body()).contains("生成订阅链接").doesNotContain("data-testid=\"feed-url\"");
		HttpResponse<String> made = member.postForm("/portal/activities/feed", Map.of());
		assertThat(member.location(made)).isEqualTo("/portal/activities");
		String list = member.get("/portal/activities").body();
		assertThat(list).contains("已生成日历订阅链接", "webcal://localhost:" + port + "/feeds/activities/");
		String link = feedLink(list);
		String path = link.substring(("http://localhost:" + port).length());
		List<Map<String, String>> events = events(new WebSession(port).get(path).body());
		assertThat(events).extracting(event -> event.get("UID")).contains("activity-" + training + "@chamberlink",
				"activity-" + registeredThenCancelled + "@chamberlink")
			.doesNotContain("activity-" + neighbours + "@chamberlink", "activity-" + cancelledUnseen + "@chamberlink");
		assertThat(events).filteredOn(event -> event.get("UID").equals("activity-" + training + "@chamberlink"))
			.extracting(event -> event.get("URL")).containsExactly("http://localhost:" + port + "/portal/activities/" + training);

		member.postForm("/portal/activities/feed", Map.of());
		assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(404);
		assertThat(feedLink(member.get("/portal/activities").body())).isNotEqualTo(link);

		// a member's link dies with the sign-in
		String current = feedLink(member.get("/portal/activities").body()).substring(("http://localhost:" + port).length());
		assertThat(new WebSession(port).get(current).statusCode()).isEqualTo(200);
		jdbc.sql("update user_account set enabled = false where id = :id").param("id", account.id()).update();
		assertThat(new WebSession(port).get(current).statusCode()).isEqualTo(404);
	}

	private static String feedLink(String html) {
		Matcher matcher = Pattern.compile("data-testid=\"feed-url\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*data-testid=\"feed-url\"")
			.matcher(html);
		assertThat(matcher.find()).as("the feed's link on the page").isTrue();
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	/** The events of a calendar, each a map of its properties, the lines unfolded (RFC 5545 3.1). */
	static List<Map<String, String>> events(String ics) {
		String unfolded = ics.replace("\r\n ", "");
		List<Map<String, String>> events = new ArrayList<>();
		Map<String, String> current = null;
		for (String line : unfolded.split("\r\n")) {
			if (line.equals("BEGIN:VEVENT")) {
				current = new LinkedHashMap<>();
			}
			else if (line.equals("END:VEVENT")) {
				events.add(current);
				current = null;
			}
			else if (current != null) {
				int colon = line.indexOf(':');
				current.put(line.substring(0, colon), line.substring(colon + 1));
			}
		}
		return events;
	}

}
