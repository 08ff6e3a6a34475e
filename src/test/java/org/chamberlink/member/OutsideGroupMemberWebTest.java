package org.chamberlink.member;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.UnifiedSocialCreditCode;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberWorkbooks;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * A group member (团体会员) that is a body outside the tree — an association by its name and unified
 * social credit code (decision 31) — entered by form, API and import, shown on its page and in the
 * export, and found by its code like an enterprise: once per code, and a code held only outside the
 * caller's subtree answers as a new one would.
 */
@IntegrationTest
class OutsideGroupMemberWebTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	String countyToken;

	@BeforeEach
	void aTree() {
		tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("团体会员");
		countyToken = tree.token(tree.county(), Role.FEDERATION_ADMIN);
	}

	/** A social organisation's code (51 + 长安区 + a fresh organisation code + check). */
	static String associationCode() {
		return UnifiedSocialCreditCode.complete("51130102" + String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L));
	}

	@Test
	void theApiEntersAnOutsideBodyByNameAndCreditCodeOnceAndRefusesWhatIsWrongOnItsField() {
		String code = associationCode();
		var created = Api.post(port, "/api/v1/members", countyToken, outsideBody(tree.county(), "长安区茶业协会", code));
		String body = Json.createdBody(created);
		assertThat(Json.text(body, "$.kind")).isEqualTo("GROUP");
		assertThat(Json.text(body, "$.name")).isEqualTo("长安区茶业协会");
		assertThat(Json.text(body, "$.creditCode")).isEqualTo(code);
		assertThat((Object) Json.read(body, "$.groupOrgId")).isNull();
		// typed in lower case, the same code is the same body: already a member here
		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, outsideBody(tree.county(), "长安区茶业协会",
				code.toLowerCase())), "creditCode", "已是");
		assertThat(jdbc.sql("select count(*) from party where credit_code = :c").param("c", code).query(Long.class).single())
			.isEqualTo(1);

		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, outsideBody(tree.county(), "错码协会",
				"51130102MJ0000000X")), "creditCode", "统一社会信用代码");
		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, outsideBody(tree.county(), "无码协会", "")),
				"creditCode", "统一社会信用代码");
		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, outsideBody(tree.county(), "", associationCode())),
				"name", "名称");
		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, "{\"kind\":\"GROUP\",\"orgId\":" + tree.county()
				+ ",\"groupOrgId\":" + tree.chamber() + ",\"creditCode\":\"" + associationCode()
				+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}"), "groupOrgId", "二者只填其一");
		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, "{\"kind\":\"GROUP\",\"orgId\":" + tree.county()
				+ ",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}"), "groupOrgId", "组织体系外团体的名称");
		// a chamber takes no group members, from the tree or outside it
		assertApiRefused(Api.post(port, "/api/v1/members", countyToken, outsideBody(tree.chamber(), "进商会的协会",
				associationCode())), "orgId", "团体会员只能加入工商联或个私协");
		// an organisation of the tree still joins as before
		assertThat(Api.post(port, "/api/v1/members", countyToken, "{\"kind\":\"GROUP\",\"orgId\":" + tree.county()
				+ ",\"groupOrgId\":" + tree.chamber() + ",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void aCodeHeldOnlyOutsideTheSubtreeAnswersAsANewOneWould() {
		String held = associationCode();
		long party = Json.created(Api.post(port, "/api/v1/members", countyToken,
				outsideBody(tree.county(), "长安区物流协会", held)));
		String neighbour = tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN);
		// the neighbour's list does not find the code, like one nobody has
		assertThat(Json.<List<Integer>>read(Api.get(port, "/api/v1/members?keyword=" + held, neighbour).body(),
				"$..totalElements")).containsExactly(0);
		assertThat(Api.get(port, "/api/v1/parties/" + party, neighbour).statusCode()).isEqualTo(404);

		var fresh = Api.post(port, "/api/v1/members", neighbour, outsideBody(tree.neighbourCounty(), "桥西区物流协会",
				associationCode()));
		var attached = Api.post(port, "/api/v1/members", neighbour, outsideBody(tree.neighbourCounty(), "桥西区物流协会",
				held));
		assertThat(attached.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(201);
		assertThat(attached.body()).doesNotContain(tree.countyName());
		// entered once: the membership joined the registered body, and the neighbour sees only its own
		assertThat(Json.number(attached.body(), "$.id")).isEqualTo(party);
		String memberships = Api.get(port, "/api/v1/parties/" + party + "/memberships", neighbour).body();
		assertThat(memberships).contains("桥西区工商联").doesNotContain("长安区工商联");
	}

	@Test
	void theFormOffersTheOutsideBodyOnlyToGroupsKeepsWhatWasTypedAndThePageShowsIt() {
		WebSession staff = WebSession.signedIn(port, tree.account(tree.county(), Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		String groupForm = staff.get("/members/new?kind=GROUP&orgId=" + tree.county()).body();
		assertThat(groupForm).contains("name=\"groupOrgId\"", "name=\"creditCode\"", "name=\"name\"", "团体名称（组织体系外）")
			.doesNotContain("name=\"idNumber\"", "name=\"enterpriseKind\"");
		String personForm = staff.get("/members/new?kind=PERSON&orgId=" + tree.county()).body();
		assertThat(personForm).doesNotContain("name=\"creditCode\"", "name=\"groupOrgId\"", "name=\"enterpriseKind\"",
				"团体名称");

		String code = associationCode();
		var refused = staff.postForm("/members/new", Map.of("kind", "GROUP", "orgId", Long.toString(tree.county()),
				"groupOrgId", "", "name", "长安区书画协会", "creditCode", code.substring(0, 17) + "0", "role", "MEMBER",
				"joinedOn", "2024-03-01"));
		assertFormKept(refused, "creditCode", "统一社会信用代码", "长安区书画协会", code.substring(0, 17) + "0", "2024-03-01");

		var saved = staff.postForm("/members/new", Map.of("kind", "GROUP", "orgId", Long.toString(tree.county()),
				"groupOrgId", "", "name", "长安区书画协会", "creditCode", code, "role", "STANDING_DIRECTOR",
				"joinedOn", "2024-03-01"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String page = staff.get(staff.location(saved)).body();
		assertThat(page).contains("长安区书画协会", "组织体系外团体", code, "团体会员");

		// its name and code are corrected on its edit form, as an enterprise's are
		long party = Long.parseLong(staff.location(saved).replaceAll("\\D", ""));
		String edit = staff.get("/members/" + party + "/edit").body();
		assertThat(edit).contains("value=\"长安区书画协会\"", "value=\"" + code + "\"").doesNotContain("name=\"idNumber\"");
		var badEdit = staff.postForm("/members/" + party + "/edit", Map.of("name", "长安区书法协会", "creditCode", "123",
				"version", "0"));
		assertFormKept(badEdit, "creditCode", "统一社会信用代码", "长安区书法协会", "123");
		var goodEdit = staff.postForm("/members/" + party + "/edit", Map.of("name", "长安区书法协会", "creditCode", code,
				"version", "0"));
		assertThat(goodEdit.statusCode()).as(goodEdit.body()).isEqualTo(302);
		assertThat(staff.get("/members/" + party).body()).contains("长安区书法协会");

		// an organisation of the tree is still changed on its own page
		long treeGroup = Json.created(Api.post(port, "/api/v1/members", countyToken, "{\"kind\":\"GROUP\",\"orgId\":"
				+ tree.county() + ",\"groupOrgId\":" + tree.chamber() + ",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}"));
		assertThat(staff.get("/members/" + treeGroup).body()).contains("组织体系内：").doesNotContain("/members/" + treeGroup
				+ "/edit");
		assertApiRefused(Api.put(port, "/api/v1/parties/" + treeGroup, countyToken, "{\"name\":\"改名\",\"version\":0}"),
				"name", "请在该组织的页面上修改");

		List<Map<Integer, String>> exported = MemberWorkbooks.read(staff.download("/members/export?kind=GROUP"));
		assertThat(exported).anySatisfy(row -> {
			assertThat(row.get(0)).isEqualTo("长安区书法协会");
			assertThat(row.get(1)).isEqualTo("团体会员");
			assertThat(row.get(2)).isEqualTo(code);
		});
	}

	@Test
	void theImportTakesGroupRowsByNameAndCodeAndSaysWhatIsWrongPerRow() {
		WebSession staff = WebSession.signedIn(port, tree.account(tree.county(), Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		staff.get("/members/import");
		String good = associationCode();
		List<List<Object>> rows = new ArrayList<>();
		rows.add(group("长安区餐饮协会", good, "常务理事"));
		rows.add(group("错码协会", "51130102MJ0000000X", "会员"));
		rows.add(group("", "", "会员"));
		rows.add(group("长安区餐饮协会（重复）", good.toLowerCase(), "会员"));
		Map<String, Object> job = runImport(staff, tree.county(), MemberWorkbooks.xlsx(rows), true);
		assertThat(job.get("written")).isEqualTo(true);
		assertThat(job.get("parties_created")).isEqualTo(1);
		assertThat(job.get("skipped_rows")).isEqualTo("3、4、5");
		List<Map<Integer, String>> report = MemberWorkbooks.read(staff.download("/members/jobs/" + job.get("id") + "/file"));
		assertThat(report.get(0).get(18)).isNull();
		assertThat(report.get(1).get(18)).contains("统一社会信用代码：", "校验码");
		assertThat(report.get(2).get(18)).contains("名称/姓名：必填", "统一社会信用代码：必填");
		assertThat(report.get(3).get(18)).contains("与第 2 行重复");
		assertThat(jdbc.sql("""
				select p.kind || '/' || p.name || '/' || m.role || '/' || (p.group_org_id is null)
				from party p join membership m on m.party_id = p.id where p.credit_code = :c
				""").param("c", good).query(String.class).single()).isEqualTo("GROUP/长安区餐饮协会/STANDING_DIRECTOR/true");

		// the same row again changes nothing
		Map<String, Object> again = runImport(staff, tree.county(), MemberWorkbooks.xlsx(List.of(rows.get(0))), false);
		assertThat(again.get("unchanged_rows")).isEqualTo(1);
		assertThat(again.get("parties_created")).isEqualTo(0);

		// into a chamber: refused on the row, in Chinese
		WebSession chamberStaff = WebSession.signedIn(port, tree.account(tree.chamber(), Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		chamberStaff.get("/members/import");
		Map<String, Object> intoChamber = runImport(chamberStaff, tree.chamber(),
				MemberWorkbooks.xlsx(List.of(group("进商会的协会", associationCode(), "会员"))), false);
		assertThat(intoChamber.get("written")).isEqualTo(false);
		assertThat(MemberWorkbooks.read(chamberStaff.download("/members/jobs/" + intoChamber.get("id") + "/file")).get(0)
			.get(18)).contains("会员类别：团体会员只能加入工商联或个私协");
	}

	private static List<Object> group(String name, String code, String role) {
		return Arrays.asList("团体", name, code, "", "", "", "", "", "", "", "", "", "", "", "", "", role, "2024-03-01");
	}

	private Map<String, Object> runImport(WebSession staff, long orgId, byte[] file, boolean goodRows) {
		var response = staff.postFile("/members/import", "members.xlsx", file,
				goodRows ? Map.of("orgId", Long.toString(orgId), "importGoodRows", "true")
						: Map.of("orgId", Long.toString(orgId)));
		String location = staff.location(response);
		assertThat(location).as(response.body()).contains("/members/jobs/");
		Long id = Long.valueOf(location.replaceAll(".*/", ""));
		Map<String, Object> job = await("import job " + id).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("select id, status, written, error_rows, parties_created, unchanged_rows, "
					+ "skipped_rows, message from member_job where id = :id").param("id", id).query().singleRow(),
					row -> "DONE".equals(row.get("status")) || "FAILED".equals(row.get("status")));
		assertThat(job.get("status")).as(String.valueOf(job.get("message"))).isEqualTo("DONE");
		return job;
	}

	private static String outsideBody(long orgId, String name, String code) {
		return "{\"kind\":\"GROUP\",\"orgId\":" + orgId + ",\"name\":\"" + name + "\",\"creditCode\":\"" + code
				+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}";
	}

}
