package org.chamberlink.member;

import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members through the API: entered once, found by keyword, bad input refused with the field named
 * and nothing written, memberships changed and ended with their history, leaders linked within
 * the scope; personal data in {@link MemberPersonalDataApiWebTest}. Each test works in an
 * organisation tree of its own ({@link TestTree}).
 */
@IntegrationTest
@Tag("database")
class MemberApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	OrganizationFixture fixture;

	TestTree tree;

	long county;

	long chamber;

	long neighbour;

	@BeforeEach
	void organizations() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		tree = fixture.tree("建材");
		county = tree.county();
		chamber = tree.chamber();
		neighbour = tree.neighbour();
	}

	@Test
	void theListShowsPhonesMaskedAndFindsAMemberByItsPhonesLastDigitsOrItsCreditCode() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String code = MemberFixture.creditCode();
		String phone = MemberFixture.phone();
		MemberFixture.enterprise(port, admin, chamber, "石家庄华北建材有限公司", code, phone);
		String personPhone = MemberFixture.phone();
		MemberFixture.person(port, admin, chamber, "王秀英", MemberFixture.identityNumber(), personPhone);

		String list = Api.get(port, "/api/v1/members?orgId=" + chamber, admin).body();
		assertThat(names(list)).containsExactlyInAnyOrder("石家庄华北建材有限公司", "王秀英");
		assertThat(Json.<List<String>>read(list, "$.content[*].phoneMasked"))
			.contains(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(list).doesNotContain(phone, personPhone);
		assertThat(names(Api.get(port, "/api/v1/members?orgId=" + chamber + "&keyword=" + phone.substring(7), admin).body()))
			.containsExactly("石家庄华北建材有限公司");
		assertThat(names(Api.get(port, "/api/v1/members?keyword=" + code, admin).body()))
			.containsExactly("石家庄华北建材有限公司");
	}

	@Test
	void theListFiltersByKindRoleAndTier() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, admin, chamber, "石家庄华北建材有限公司", MemberFixture.creditCode(), MemberFixture.phone());
		MemberFixture.person(port, admin, chamber, "王秀英", MemberFixture.identityNumber(), MemberFixture.phone());

		assertThat(names(Api.get(port, "/api/v1/members?orgId=" + chamber + "&kind=PERSON&role=VICE_PRESIDENT&tier=CORE",
				admin).body())).containsExactly("王秀英");
	}

	@Test
	void theSameEnterpriseJoiningTheCountyIsTheSamePartyWithTwoMembershipsAndKeepsItsName() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String code = MemberFixture.creditCode();
		String phone = MemberFixture.phone();
		long enterprise = MemberFixture.enterprise(port, admin, chamber, "石家庄华北建材有限公司", code, phone);

		long again = MemberFixture.enterprise(port, fixture.tokenIn(county, Role.FEDERATION_ADMIN), county,
				"华北建材（重复录入）", code, phone);
		assertThat(again).isEqualTo(enterprise);
		assertThat(jdbc.sql("select count(*) from membership where party_id = :p").param("p", enterprise)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select name from party where id = :p").param("p", enterprise).query(String.class).single())
			.isEqualTo("石家庄华北建材有限公司");
	}

	@Test
	void badInputNamesTheFieldInChineseAndWritesNothing() {
		String admin = fixture.tokenIn(chamber, Role.STAFF);
		String code = MemberFixture.creditCode();
		String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
		var response = Api.post(port, "/api/v1/members", admin, "{\"kind\":\"ENTERPRISE\",\"orgId\":" + chamber
				+ ",\"name\":\"校验失败企业\",\"creditCode\":\"" + wrong + "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\","
				+ "\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Json.text(response.body(), "$.detail")).contains("统一社会信用代码不正确");
		assertThat(Json.<List<String>>read(response.body(), "$.errors[*].field")).containsExactly("creditCode");

		var badId = Api.post(port, "/api/v1/members", admin, "{\"kind\":\"PERSON\",\"orgId\":" + chamber
				+ ",\"name\":\"校验失败个人\",\"idNumber\":\"130102196001011230\",\"phone\":\"12345\","
				+ "\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}");
		assertThat(badId.statusCode()).isEqualTo(422);
		assertThat(Json.text(badId.body(), "$.detail")).contains("身份证号码不正确");
		assertThat(jdbc.sql("select count(*) from party where name like '校验失败%'").query(Long.class).single()).isZero();

		var outside = Api.post(port, "/api/v1/members", admin, "{\"kind\":\"ENTERPRISE\",\"orgId\":" + neighbour
				+ ",\"name\":\"越权企业\",\"creditCode\":\"" + MemberFixture.creditCode()
				+ "\",\"enterpriseKind\":\"OTHER\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}");
		assertThat(outside.statusCode()).isEqualTo(404);
	}

	@Test
	void theSexIsCheckedAgainstTheIdentityNumberAndTakenFromItWhenLeftBlank() {
		String admin = fixture.tokenIn(chamber, Role.STAFF);
		// 130102196001011241: 17th digit 4, a woman
		String woman = "130102196001011241";
		var mismatch = Api.post(port, "/api/v1/members", admin, "{\"kind\":\"PERSON\",\"orgId\":" + chamber
				+ ",\"name\":\"性别不符个人\",\"gender\":\"MALE\",\"idNumber\":\"" + woman + "\",\"phone\":\""
				+ MemberFixture.phone() + "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}");
		Refusals.assertApiRefused(mismatch, "gender", "性别与身份证号码不符：号码第 17 位表示“女”");
		assertThat(jdbc.sql("select count(*) from party where name = '性别不符个人'").query(Long.class).single()).isZero();

		var blank = Api.post(port, "/api/v1/members", admin, "{\"kind\":\"PERSON\",\"orgId\":" + chamber
				+ ",\"name\":\"性别留空个人\",\"idNumber\":\"" + woman + "\",\"phone\":\"" + MemberFixture.phone()
				+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}");
		assertThat(blank.statusCode()).as(blank.body()).isEqualTo(201);
		assertThat(jdbc.sql("select gender from party where name = '性别留空个人'").query(String.class).single())
			.isEqualTo("FEMALE");
	}

	@Test
	void aMembershipChangesRoleThenEndsAndHistoryKeepsBoth() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long enterprise = MemberFixture.enterprise(port, admin, chamber, "长安区老字号食品厂", MemberFixture.creditCode(),
				MemberFixture.phone());
		long membership = jdbc.sql("select id from membership where party_id = :p").param("p", enterprise)
			.query(Long.class).single();

		var noReason = Api.put(port, "/api/v1/memberships/" + membership, admin, "{\"role\":\"MEMBER\",\"tier\":\"PERIPHERAL\"}");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("调整理由");
		var director = Api.put(port, "/api/v1/memberships/" + membership, admin, "{\"role\":\"DIRECTOR\"}");
		assertThat(Json.text(director.body(), "$.tier")).isEqualTo("CLOSE");
		var left = Api.put(port, "/api/v1/memberships/" + membership, admin,
				"{\"leftOn\":\"2025-12-31\",\"leaveReason\":\"企业注销\"}");
		assertThat(left.statusCode()).as(left.body()).isEqualTo(200);

		assertThat(names(Api.get(port, "/api/v1/members?orgId=" + chamber + "&status=LEFT", admin).body()))
			.containsExactly("长安区老字号食品厂");
		assertThat(names(Api.get(port, "/api/v1/members?orgId=" + chamber + "&status=ACTIVE", admin).body()))
			.doesNotContain("长安区老字号食品厂");
		String history = Api.get(port, "/api/v1/parties/" + enterprise + "/history", admin).body();
		assertThat(history).contains("DIRECTOR", "企业注销");
		List<String> actions = jdbc.sql("select action from audit_log where entity_type = 'Party' and entity_id = :id")
			.param("id", Long.toString(enterprise)).query(String.class).list();
		assertThat(actions).containsExactlyInAnyOrder("CREATE", "UPDATE", "UPDATE");
	}

	@Test
	void aPersonIsLinkedToTheEnterprisesTheyLeadWithinTheirScope() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String code = MemberFixture.creditCode();
		long enterprise = MemberFixture.enterprise(port, admin, chamber, "石家庄宏远建材有限公司", code, MemberFixture.phone());
		long person = MemberFixture.person(port, admin, chamber, "赵宏远", MemberFixture.identityNumber(), MemberFixture.phone());
		String otherCode = MemberFixture.creditCode();
		MemberFixture.enterprise(port, fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN), neighbour, "桥西建材有限公司", otherCode,
				MemberFixture.phone());

		assertThat(Api.post(port, "/api/v1/parties/" + person + "/leads", admin, "{\"creditCode\":\"" + code + "\"}")
			.statusCode()).isEqualTo(201);
		var outside = Api.post(port, "/api/v1/parties/" + person + "/leads", admin, "{\"creditCode\":\"" + otherCode + "\"}");
		assertThat(outside.statusCode()).as("the neighbour's enterprise is not found, not revealed").isEqualTo(422);
		assertThat(outside.body()).contains("统一社会信用代码", otherCode).doesNotContain("桥西建材");
		assertThat(Api.post(port, "/api/v1/parties/" + enterprise + "/leads", admin, "{\"creditCode\":\"" + code + "\"}")
			.body()).contains("只有个人会员");
		assertThat(jdbc.sql("select count(*) from party_leader where person_id = :p").param("p", person)
			.query(Long.class).single()).isOne();
		assertThat(Api.get(port, "/api/v1/parties/" + person + "/history", admin).body()).contains("石家庄宏远建材有限公司");
		assertThat(Api.delete(port, "/api/v1/parties/" + person + "/leads/" + enterprise, admin).statusCode()).isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from party_leader where person_id = :p").param("p", person)
			.query(Long.class).single()).isZero();
	}

	private static List<String> names(String page) {
		return Json.read(page, "$.content[*].name");
	}

}
