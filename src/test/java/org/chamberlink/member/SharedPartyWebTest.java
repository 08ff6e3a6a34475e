package org.chamberlink.member;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of decision 0019, one test each: a party entered by two chambers shares its registered
 * facts and nothing else; shared facts change only for an account over every holder; merges the
 * same; a credit code registered elsewhere attaches instead of answering "taken".
 */
@IntegrationTest
@Tag("database")
class SharedPartyWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long chamberA;

	long chamberB;

	String adminA;

	String adminB;

	String county;

	String code;

	String phoneA;

	long party;

	@BeforeEach
	void anEnterpriseOfChamberA() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		String suffix = Long.toString(System.nanoTime());
		long province = fixture.federation("PROVINCE", "共享会员测试省" + suffix, "13", null);
		long countyId = fixture.federation("COUNTY", "共享会员测试县" + suffix, "130102", province);
		chamberA = fixture.chamber("INDUSTRY", "甲商会" + suffix, "130102", countyId);
		chamberB = fixture.chamber("INDUSTRY", "乙商会" + suffix, "130102", countyId);
		adminA = fixture.tokenIn(chamberA, Role.CHAMBER_ADMIN);
		adminB = fixture.tokenIn(chamberB, Role.CHAMBER_ADMIN);
		county = fixture.tokenIn(countyId, Role.FEDERATION_ADMIN);
		code = MemberFixture.creditCode();
		phoneA = MemberFixture.phone();
		party = MemberFixture.enterprise(port, adminA, chamberA, "华北建材" + suffix + "有限公司", code, phoneA);
		Api.put(port, "/api/v1/parties/" + party + "/email", adminA, "{\"email\":\"jia@example.com\"}");
	}

	@Test
	void aSecondChamberAttachesWithTheRegisteredFactsAndItsOwnContacts() {
		String phoneB = MemberFixture.phone();
		HttpResponse<String> attached = enter(adminB, chamberB, "乙填写的名称", code, phoneB);
		HttpResponse<String> fresh = enter(adminB, chamberB, "乙的新会员", MemberFixture.creditCode(), MemberFixture.phone());
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		assertThat(keys(attached.body())).as("the same body shape as a new party").isEqualTo(keys(fresh.body()));
		assertThat((Integer) JsonPath.read(attached.body(), "$.id")).isEqualTo((int) party);
		assertThat((String) JsonPath.read(attached.body(), "$.name")).as("the registered name").startsWith("华北建材");
		assertThat((String) JsonPath.read(attached.body(), "$.phoneMasked")).as("B's phone, masked")
			.isEqualTo(phoneB.substring(0, 3) + "****" + phoneB.substring(7));

		String page = Api.get(port, "/api/v1/parties/" + party, adminB).body();
		assertThat(page).doesNotContain(phoneA.substring(7)).doesNotContain("jia@example.com");
		assertThat(reveal(adminB, "PHONE")).isEqualTo(phoneB);
		assertThat(reveal(adminA, "PHONE")).as("A's own copy is untouched").isEqualTo(phoneA);
		String history = Api.get(port, "/api/v1/parties/" + party + "/history", adminB).body();
		assertThat(history).as("A's entries are A's").doesNotContain("jia@example.com").doesNotContain("甲商会");
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Party' and entity_id = :id and action = 'ATTACH'")
			.param("id", Long.toString(party)).query(Long.class).single()).isEqualTo(1);

		Api.put(port, "/api/v1/parties/" + party + "/email", adminB, "{\"email\":\"yi@example.com\"}");
		assertThat(jdbc.sql("select email from party_contact where party_id = :p and org_id = :o").param("p", party)
			.param("o", chamberA).query(String.class).single()).isEqualTo("jia@example.com");
	}

	@Test
	void aHolderProposesASharedChangeAndTheFederationOverBothDecides() {
		enter(adminB, chamberB, "乙填写的名称", code, MemberFixture.phone());
		String before = Api.get(port, "/api/v1/parties/" + party, adminA).body();
		String newPhone = MemberFixture.phone();
		HttpResponse<String> proposed = Api.put(port, "/api/v1/parties/" + party, adminB,
				changes(before, Map.of("legalRepresentative", "乙改的法人", "phone", newPhone)));
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
		String proposal = proposed.headers().firstValue("Location").orElseThrow();
		assertThat(Api.get(port, "/api/v1/parties/" + party, adminA).body()).as("nothing shared changed yet")
			.doesNotContain("乙改的法人");
		assertThat(reveal(adminB, "PHONE")).as("B's own phone changed at once").isEqualTo(newPhone);
		assertThat(reveal(adminA, "PHONE")).isEqualTo(phoneA);

		assertThat(Api.get(port, proposal, adminA).statusCode()).as("the other holder does not see B's proposal")
			.isEqualTo(404);
		assertThat(Api.get(port, proposal, adminB).body()).contains("乙改的法人").contains("PENDING");
		assertThat(Api.post(port, proposal + "/approve", adminB, "").statusCode()).as("B cannot decide its own")
			.isEqualTo(422);
		assertThat(Api.get(port, "/api/v1/party-change-proposals?pending=true", county).body()).contains("乙改的法人");

		HttpResponse<String> approved = Api.post(port, proposal + "/approve", county, "");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/parties/" + party, adminA).body()).contains("乙改的法人");
		assertThat(Api.get(port, "/api/v1/parties/" + party + "/history", adminA).body())
			.as("every holder reads the change of the shared facts").contains("UPDATE_SHARED").contains("乙改的法人");
		assertThat(Api.post(port, proposal + "/approve", county, "").statusCode()).as("decided once").isEqualTo(422);

		String now = Api.get(port, "/api/v1/parties/" + party, adminB).body();
		String second = Api.put(port, "/api/v1/parties/" + party, adminB, changes(now, Map.of("employees", 99)))
			.headers().firstValue("Location").orElseThrow();
		assertThat(Api.post(port, second + "/reject", county, "{\"reason\":\"\"}").statusCode())
			.as("a rejection needs its reason").isEqualTo(422);
		assertThat(Api.post(port, second + "/reject", county, "{\"reason\":\"人数与年报不符\"}").statusCode()).isEqualTo(200);
		assertThat(Api.get(port, second, adminB).body()).contains("REJECTED").contains("人数与年报不符");
		assertThat(Api.get(port, "/api/v1/parties/" + party, adminA).body()).doesNotContain("\"employees\":99");
	}

	@Test
	void theFederationOverEveryHolderChangesTheSharedFactsDirectly() {
		enter(adminB, chamberB, "乙填写的名称", code, MemberFixture.phone());
		String before = Api.get(port, "/api/v1/parties/" + party, adminA).body();
		HttpResponse<String> byCounty = Api.put(port, "/api/v1/parties/" + party, county,
				changes(before, Map.of("legalRepresentative", "县里核实的法人")));
		assertThat(byCounty.statusCode()).as(byCounty.body()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/parties/" + party, adminA).body()).contains("县里核实的法人");
		assertThat(Api.get(port, "/api/v1/parties/" + party + "/history", adminB).body())
			.as("every holder reads the change of the shared facts").contains("UPDATE_SHARED").contains("县里核实的法人");
	}

	@Test
	void aMergeNeedsAnAccountOverEveryMembershipOfBoth() {
		enter(adminB, chamberB, "乙填写的名称", code, MemberFixture.phone());
		long ownOfB = MemberFixture.enterprise(port, adminB, chamberB, "乙自己的重复记录" + System.nanoTime(),
				MemberFixture.creditCode(), MemberFixture.phone());
		HttpResponse<String> byChamber = Api.post(port, "/api/v1/parties/" + ownOfB + "/merge", adminB,
				"{\"duplicateIds\":[" + party + "]}");
		assertThat(byChamber.statusCode()).as(byChamber.body()).isEqualTo(422);
		assertThat(status(party)).isEqualTo("ACTIVE");
		assertThat(Api.post(port, "/api/v1/parties/" + party + "/merge", adminB, "{\"duplicateIds\":[" + ownOfB + "]}")
			.statusCode()).as("nor into the shared party").isEqualTo(422);

		HttpResponse<String> byCounty = Api.post(port, "/api/v1/parties/" + party + "/merge", county,
				"{\"duplicateIds\":[" + ownOfB + "]}");
		assertThat(byCounty.statusCode()).as(byCounty.body()).isEqualTo(200);
		assertThat(status(ownOfB)).isEqualTo("MERGED");
		assertThat(reveal(adminA, "PHONE")).as("A's copy survives the merge").isEqualTo(phoneA);
	}

	@Test
	void aCodeRegisteredOutsideTheSubtreeAttachesLikeAnUnusedOneChanges() {
		long ownOfB = MemberFixture.enterprise(port, adminB, chamberB, "乙的企业" + System.nanoTime(),
				MemberFixture.creditCode(), MemberFixture.phone());
		long another = MemberFixture.enterprise(port, adminB, chamberB, "乙的另一企业" + System.nanoTime(),
				MemberFixture.creditCode(), MemberFixture.phone());
		String unused = MemberFixture.creditCode();
		HttpResponse<String> toUnused = Api.put(port, "/api/v1/parties/" + another, adminB,
				changes(Api.get(port, "/api/v1/parties/" + another, adminB).body(), Map.of("creditCode", unused)));
		HttpResponse<String> toNeighbours = Api.put(port, "/api/v1/parties/" + ownOfB, adminB,
				changes(Api.get(port, "/api/v1/parties/" + ownOfB, adminB).body(), Map.of("creditCode", code)));
		assertThat(toNeighbours.statusCode()).as(toNeighbours.body()).isEqualTo(toUnused.statusCode()).isEqualTo(200);
		assertThat(keys(toNeighbours.body())).isEqualTo(keys(toUnused.body()));
		assertThat(toNeighbours.body()).doesNotContain("jia@example.com").doesNotContain(phoneA.substring(7));
		// the membership now hangs on the registered enterprise; A's view of it is what it was
		assertThat(jdbc.sql("select party_id from membership where org_id = :o and party_id in (:a, :b)")
			.param("o", chamberB).param("a", party).param("b", ownOfB).query(Long.class).list()).containsExactly(party);
		assertThat(Api.get(port, "/api/v1/parties/" + party + "/history", adminA).body()).doesNotContain("乙的企业");
		assertThat(reveal(adminA, "PHONE")).isEqualTo(phoneA);

		HttpResponse<String> taken = Api.put(port, "/api/v1/parties/" + another, adminB,
				changes(Api.get(port, "/api/v1/parties/" + another, adminB).body(), Map.of("creditCode", code)));
		assertThat(taken.statusCode()).as("inside the subtree a taken code is a conflict, said so").isEqualTo(422);
	}

	@Test
	void aPersonIsAttachedByIdentityNumberWithoutTheOtherChambersPhone() {
		String idNumber = MemberFixture.identityNumber();
		String phone = MemberFixture.phone();
		long person = MemberFixture.person(port, adminA, chamberA, "张三", idNumber, phone);
		String phoneB = MemberFixture.phone();
		HttpResponse<String> attached = Api.post(port, "/api/v1/members", adminB, "{\"kind\":\"PERSON\",\"orgId\":"
				+ chamberB + ",\"name\":\"张叁\",\"gender\":\"FEMALE\",\"idNumber\":\"" + idNumber + "\",\"phone\":\""
				+ phoneB + "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}");
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(attached.body(), "$.id")).isEqualTo((int) person);
		assertThat(attached.body()).doesNotContain(phone.substring(7));
		assertThat(Api.post(port, "/api/v1/parties/" + person + "/reveal?field=PHONE", adminB, "").body())
			.contains(phoneB).doesNotContain(phone);
	}

	@Test
	void anImportRowWithTheNeighboursCodeCountsAsNewAndKeepsItsOwnPhone() {
		var user = new org.chamberlink.support.TestAccounts(accountManagement).createIn(chamberB, Role.STAFF);
		var staff = org.chamberlink.support.WebSession.signedIn(port, user.getUsername(),
				org.chamberlink.support.TestAccounts.PASSWORD);
		String phoneB = MemberFixture.phone();
		byte[] file = org.chamberlink.support.MemberWorkbooks.xlsx(List.of(
				org.chamberlink.support.MemberWorkbooks.enterprise("乙导入的名称", code, phoneB),
				org.chamberlink.support.MemberWorkbooks.enterprise("乙导入的新企业", MemberFixture.creditCode(),
						MemberFixture.phone())));
		var response = staff.postFile("/members/import", "members.xlsx", file, Map.of("orgId", Long.toString(chamberB)));
		Long job = Long.valueOf(staff.location(response).replaceAll(".*/", ""));
		Map<String, Object> done = org.awaitility.Awaitility.await("import job " + job)
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> jdbc.sql("select status, parties_created, memberships_added from member_job where id = :id")
				.param("id", job).query().singleRow(), row -> !"QUEUED".equals(row.get("status"))
						&& !"RUNNING".equals(row.get("status")));
		assertThat(done).containsEntry("status", "DONE").containsEntry("parties_created", 2)
			.containsEntry("memberships_added", 2);
		assertThat(reveal(adminB, "PHONE")).isEqualTo(phoneB);
		assertThat(reveal(adminA, "PHONE")).isEqualTo(phoneA);
		assertThat(Api.get(port, "/api/v1/parties/" + party, adminA).body()).doesNotContain("乙导入的名称");
	}

	@Test
	void anApprovedJoinApplicationAttachesWithTheApplicantsPhone() {
		String phoneB = MemberFixture.phone();
		long application = MemberFixture.created(Api.post(port, "/api/v1/organizations/" + chamberB + "/join-applications",
				adminB, "{\"kind\":\"ENTERPRISE\",\"name\":\"申请的名称\",\"creditCode\":\"" + code
						+ "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\",\"phone\":\"" + phoneB + "\"}"));
		HttpResponse<String> approved = Api.post(port, "/api/v1/join-applications/" + application + "/approve", adminB,
				"{\"role\":\"MEMBER\"}");
		assertThat(approved.statusCode()).as(approved.body()).isLessThan(300);
		assertThat(reveal(adminB, "PHONE")).isEqualTo(phoneB);
		assertThat(Api.get(port, "/api/v1/parties/" + party, adminB).body()).doesNotContain("jia@example.com");
		assertThat(reveal(adminA, "PHONE")).isEqualTo(phoneA);
	}

	private HttpResponse<String> enter(String token, long orgId, String name, String creditCode, String phone) {
		return Api.post(port, "/api/v1/members", token, "{\"kind\":\"ENTERPRISE\",\"orgId\":" + orgId + ",\"name\":\""
				+ name + "\",\"creditCode\":\"" + creditCode + "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\","
				+ "\"legalRepresentative\":\"乙写的法人\",\"industryCode\":\"13\",\"regionCode\":\"130102\",\"phone\":\""
				+ phone + "\",\"role\":\"MEMBER\",\"joinedOn\":\"2025-03-01\"}");
	}

	private String reveal(String token, String field) {
		HttpResponse<String> response = Api.post(port, "/api/v1/parties/" + party + "/reveal?field=" + field, token, "");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.value");
	}

	private String status(long id) {
		return jdbc.sql("select status from party where id = :id").param("id", id).query(String.class).single();
	}

	/** The party as read, with some fields changed, as a PUT body. */
	private static String changes(String partyJson, Map<String, Object> changed) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		for (String key : List.of("name", "creditCode", "enterpriseKind", "legalRepresentative", "industryCode",
				"sizeClass", "employees", "regionCode", "outOfTown", "highTech", "gender", "partyMember", "publicRoles",
				"version")) {
			body.put(key, JsonPath.read(partyJson, "$." + key));
		}
		body.putAll(changed);
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}

	private static TreeSet<String> keys(String json) {
		Map<String, Object> map = JsonPath.read(json, "$");
		return new TreeSet<>(map.keySet());
	}

}
