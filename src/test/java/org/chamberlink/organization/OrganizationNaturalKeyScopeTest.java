package org.chamberlink.organization;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.XlsxWriter;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data scope through natural keys (issue 12): a region code, a parent id in an import row, an id
 * in a figures path and the public join page's id must not tell anything about another subtree.
 * An out-of-scope value answers exactly like a value that exists nowhere. 沧州市 (1309) with
 * 沧县 (130921, ours) and 青县 (130922, the neighbour), rebuilt for every test.
 */
@IntegrationTest
@Tag("database")
class OrganizationNaturalKeyScopeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	OrganizationFixture fixture;

	long city;

	long county;

	long neighbour;

	/** Our county's township chamber, in {@code ours[0]}. */
	long chamber;

	/** The neighbour's township chamber, in {@code theirs[0]}. */
	long foreignChamber;

	String[] ours;

	String[] theirs;

	/** An id no organisation has. */
	long nowhere;

	@BeforeEach
	void twoCountiesOf沧州() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "自然键测试省工商联" + System.nanoTime(), "13", null);
		city = fixture.federation("CITY", "沧州市工商联", "1309", province);
		county = fixture.federation("COUNTY", "沧县工商联", "130921", city);
		neighbour = fixture.federation("COUNTY", "青县工商联", "130922", city);
		ours = new String[] { fixture.township("130921"), fixture.township("130921") };
		theirs = new String[] { fixture.township("130922"), fixture.township("130922") };
		chamber = fixture.chamber("TOWNSHIP", "沧县一号镇商会", ours[0], county);
		foreignChamber = fixture.chamber("TOWNSHIP", "青县一号镇商会", theirs[0], neighbour);
		nowhere = jdbc.sql("select coalesce(max(id), 0) + 1000000 from organization").query(Long.class).single();
	}

	@Test
	void aChamberCannotMoveItselfAndTheTownshipRuleTellsNothingAboutTheNeighbour() {
		String chamberAdmin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);

		// The chamber itself: its region is not its own to change, whatever the code is.
		var free = put(chamberAdmin, chamber, Map.of("regionCode", theirs[1]));
		var taken = put(chamberAdmin, chamber, Map.of("regionCode", theirs[0]));
		var inexistent = put(chamberAdmin, chamber, Map.of("regionCode", "130922999"));
		var inside = put(chamberAdmin, chamber, Map.of("regionCode", ours[1]));
		assertThat(free.statusCode()).as(free.body()).isEqualTo(422);
		assertThat(free.body()).contains("\"field\":\"regionCode\"", "不能修改本组织的所在区划");
		assertThat(normalised(taken)).isEqualTo(normalised(free));
		assertThat(normalised(inexistent)).isEqualTo(normalised(free));
		assertThat(normalised(inside)).isEqualTo(normalised(free));
		var ownParent = put(chamberAdmin, chamber, Map.of("parentId", neighbour));
		assertThat(ownParent.statusCode()).as(ownParent.body()).isEqualTo(422);
		assertThat(ownParent.body()).contains("\"field\":\"parentId\"", "不能修改本组织的上级组织");
		assertThat(regionOf(chamber)).isEqualTo(ours[0]);
		// everything else of its own record it still changes
		var renamed = put(chamberAdmin, chamber, Map.of("shortName", "一号镇商会"));
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

		// The county above may move it, inside the county only; the neighbour's townships, taken
		// or free, answer alike.
		String countyAdmin = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		var outsideFree = put(countyAdmin, chamber, Map.of("regionCode", theirs[1]));
		var outsideTaken = put(countyAdmin, chamber, Map.of("regionCode", theirs[0]));
		assertThat(outsideFree.statusCode()).as(outsideFree.body()).isEqualTo(422);
		assertThat(outsideFree.body()).contains("\"field\":\"regionCode\"", "须在上级组织的区划之内");
		assertThat(normalised(outsideTaken)).isEqualTo(normalised(outsideFree));
		var moved = put(countyAdmin, chamber, Map.of("regionCode", ours[1]));
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		assertThat(regionOf(chamber)).isEqualTo(ours[1]);
		// a parent out of scope and one that exists nowhere: the same answer
		var foreignParent = put(countyAdmin, chamber, Map.of("parentId", neighbour));
		var noParent = put(countyAdmin, chamber, Map.of("parentId", nowhere));
		assertThat(foreignParent.statusCode()).as(foreignParent.body()).isEqualTo(422);
		assertThat(foreignParent.body()).contains("\"field\":\"parentId\"");
		assertThat(normalised(noParent)).isEqualTo(normalised(foreignParent));
		// the county's own region is the city's to change
		var ownCounty = put(countyAdmin, county, Map.of("regionCode", "130922"));
		assertThat(ownCounty.statusCode()).as(ownCounty.body()).isEqualTo(422);
		assertThat(ownCounty.body()).contains("\"field\":\"regionCode\"", "不能修改本组织的所在区划");
		// the city may, but not away from the county's own chambers
		String cityAdmin = fixture.tokenIn(city, Role.FEDERATION_ADMIN);
		var countyMoved = put(cityAdmin, county, Map.of("regionCode", "130922"));
		assertThat(countyMoved.statusCode()).as(countyMoved.body()).isEqualTo(422);
		assertThat(countyMoved.body()).contains("\"field\":\"regionCode\"", "下级组织的区划不在新的“所在区划”之内");
		assertThat(regionOf(county)).isEqualTo("130921");

		// and the neighbour registers its own chamber in its free township
		fixture.chamber("TOWNSHIP", "青县二号镇商会", theirs[1], neighbour);

		// The chamber's own edit form shows region and parent read-only and refuses a change.
		var user = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		WebSession web = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		String form = web.get("/organizations/" + chamber + "/edit").body();
		assertThat(form).containsPattern("id=\"regionCode\"[^>]*readonly").contains("沧县工商联");
		var refused = web.postForm("/organizations/" + chamber + "/edit", Map.of("name", "沧县一号镇商会", "regionCode",
				theirs[1], "version", Long.toString(version(chamber)), "unregisteredReason", "筹备中"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("不能修改本组织的所在区划");
		assertThat(regionOf(chamber)).isEqualTo(ours[1]);
	}

	@Test
	void theImportChecksScopeBeforeItLooksTheNameUp() {
		fixture.chamber("INDUSTRY", "青县红枣商会", "130922", neighbour);
		var user = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		WebSession web = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		web.get("/organizations/import");
		byte[] file = xlsx(row("青县红枣商会", neighbour), row("青县没有的商会", neighbour), row("青县红枣商会", nowhere),
				row("青县红枣商会", city));
		String page = web.postFile("/organizations/import", "chambers.xlsx", file, Map.of()).body();

		assertThat(page).contains("有 4 行有误，整个文件（共 4 行）均未导入").doesNotContain("行已存在");
		List<String> messages = java.util.regex.Pattern.compile("<tr><td>(\\d+)</td><td>([^<]*)</td></tr>")
			.matcher(page)
			.results()
			.map(m -> m.group(2))
			.toList();
		assertThat(messages).hasSize(4).containsOnly("上级组织编号：不存在或不在您的管理范围内");
	}

	@Test
	void figuresOfAnIdOutsideTheScopeAnswerLikeAnIdThatExistsNowhere() {
		String countyAdmin = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		List<String> endpoints = List.of("/figures", "/figures/below", "/member-figures", "/member-figures/below",
				"/member-growth?from=" + year + "-01-01&to=" + year + "-12-31", "/dues-collection?year=" + year,
				"/dues-collection/below?year=" + year, "/case-figures", "/case-figures/below");
		SoftAssertions softly = new SoftAssertions();
		for (String endpoint : endpoints) {
			var own = Api.get(port, "/api/v1/organizations/" + county + endpoint, countyAdmin);
			softly.assertThat(own.statusCode()).as(endpoint + " " + own.body()).isEqualTo(200);
			var none = Api.get(port, "/api/v1/organizations/" + nowhere + endpoint, countyAdmin);
			softly.assertThat(none.statusCode()).as(endpoint).isEqualTo(404);
			softly.assertThat(none.headers().firstValue("Content-Type").orElse("")).as(endpoint)
				.startsWith("application/problem+json");
			for (long outside : List.of(city, neighbour, foreignChamber)) {
				var answer = Api.get(port, "/api/v1/organizations/" + outside + endpoint, countyAdmin);
				softly.assertThat(normalised(answer)).as(endpoint + " of " + outside).isEqualTo(normalised(none));
			}
		}
		softly.assertAll();
	}

	@Test
	void theJoinPageAnswersOnlyForActiveOrganisationsThatAcceptPublicApplications() {
		WebSession applicant = new WebSession(port);
		var open = applicant.get("/join/" + chamber);
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(open.body()).contains("沧县一号镇商会");
		var none = applicant.get("/join/" + nowhere);
		assertThat(none.statusCode()).isEqualTo(404);

		long association = fixture.create("{\"type\":\"ASSOCIATION\",\"level\":\"COUNTY\",\"name\":\"沧县个私协\","
				+ "\"regionCode\":\"130921\",\"parentId\":" + city + "}");
		for (long closed : List.of(county, association, city)) {
			var page = applicant.get("/join/" + closed);
			assertThat(page.statusCode()).as("join page of " + closed).isEqualTo(404);
			assertThat(normalised(page)).isEqualTo(normalised(none));
		}
		assertThat(Api.get(port, "/api/v1/organizations/" + county, fixture.admin()).body())
			.contains("\"acceptsJoinApplications\":false");
		assertThat(Api.get(port, "/api/v1/organizations/" + association, fixture.admin()).body())
			.contains("\"acceptsJoinApplications\":false");
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber, fixture.admin()).body())
			.contains("\"acceptsJoinApplications\":true");

		// the chamber closes its public page itself, through the API
		String chamberAdmin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		var closed = put(chamberAdmin, chamber, Map.of("acceptsJoinApplications", false));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(closed.body()).contains("\"acceptsJoinApplications\":false");
		assertThat(normalised(applicant.get("/join/" + chamber))).isEqualTo(normalised(none));
		applicant.get("/join/" + foreignChamber); // a CSRF token from a page that is open
		var posted = applicant.postForm("/join/" + chamber, Map.of("kind", "ENTERPRISE", "name", "路过的饭庄",
				"creditCode", MemberFixture.creditCode(), "phone", MemberFixture.phone(), "enterpriseKind",
				"PRIVATE_ENTERPRISE"));
		assertThat(posted.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from join_application where org_id = :o").param("o", chamber)
			.query(Long.class).single()).isZero();

		// and opens it again on its edit form; its page says which it is
		var user = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		WebSession web = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		assertThat(web.get("/organizations/" + chamber).body()).contains("不接受公开入会申请");
		String form = web.get("/organizations/" + chamber + "/edit").body();
		assertThat(form).contains("name=\"acceptsJoinApplications\"");
		var saved = web.postForm("/organizations/" + chamber + "/edit", Map.of("name", "沧县一号镇商会", "regionCode",
				ours[0], "version", Long.toString(version(chamber)), "unregisteredReason", "筹备中",
				"acceptsJoinApplications", "true", "_acceptsJoinApplications", "on"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(web.get("/organizations/" + chamber).body()).contains("接受公开入会申请")
			.doesNotContain("不接受公开入会申请");
		assertThat(applicant.get("/join/" + chamber).statusCode()).isEqualTo(200);
		// unticked on the form: closed again
		web.get("/organizations/" + chamber + "/edit");
		web.postForm("/organizations/" + chamber + "/edit", Map.of("name", "沧县一号镇商会", "regionCode", ours[0],
				"version", Long.toString(version(chamber)), "unregisteredReason", "筹备中", "_acceptsJoinApplications",
				"on"));
		assertThat(applicant.get("/join/" + chamber).statusCode()).isEqualTo(404);

		// a dissolved chamber: gone from the public page as well
		assertThat(applicant.get("/join/" + foreignChamber).statusCode()).isEqualTo(200);
		assertThat(Api.delete(port, "/api/v1/organizations/" + foreignChamber, fixture.admin()).statusCode())
			.isEqualTo(200);
		assertThat(normalised(applicant.get("/join/" + foreignChamber))).isEqualTo(normalised(none));
	}

	/** PUTs the record as read, with some fields changed (and a reason for being unregistered). */
	private HttpResponse<String> put(String token, long id, Map<String, Object> changes) {
		var read = Api.get(port, "/api/v1/organizations/" + id, fixture.admin());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		ObjectNode record = (ObjectNode) JSON.readTree(read.body());
		record.put("unregisteredReason", "筹备中");
		changes.forEach((field, value) -> record.set(field, JSON.valueToTree(value)));
		return Api.put(port, "/api/v1/organizations/" + id, token, JSON.writeValueAsString(record));
	}

	private String regionOf(long id) {
		return jdbc.sql("select region_code from organization where id = :id").param("id", id).query(String.class)
			.single();
	}

	private long version(long id) {
		return jdbc.sql("select version from organization where id = :id").param("id", id).query(Long.class).single();
	}

	/** Status and body with ids, codes and per-response tokens taken out. */
	private static String normalised(HttpResponse<String> response) {
		String body = response.body();
		if (body.startsWith("{")) {
			JsonNode node = JSON.readTree(body);
			body = node.toString();
		}
		body = body.replaceAll("nonce=\"[^\"]*\"", "nonce")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "csrf")
			.replaceAll("\\d+", "N");
		return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " " + body;
	}

	private static List<Object> row(String name, long parent) {
		return List.of(name, "行业商会", "130922", Long.toString(parent), "2019-03-01", "否", "", "党支部");
	}

	@SafeVarargs
	private static byte[] xlsx(List<Object>... rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter xlsx = XlsxWriter.open(out, "商会", ChamberImport.HEADERS)) {
			for (List<Object> row : rows) {
				xlsx.row(row);
			}
		}
		return out.toByteArray();
	}

}
