package org.chamberlink.member;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Member-structure figures counted by hand from a small county, with drill-down and growth. */
@IntegrationTest
@Tag("database")
class MemberFiguresWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCountysStructureIsCountedBySqlAndDrillsDownToItsChambers() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "统计测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long a = fixture.chamber("INDUSTRY", "甲商会", "130102", county);
		long b = fixture.chamber("INDUSTRY", "乙商会", "130102", county);
		String countyAdmin = fixture.tokenIn(county, Role.FEDERATION_ADMIN);

		member(countyAdmin, a, "ENTERPRISE", "PRIVATE_ENTERPRISE", false, true, "MEMBER", "2024-01-10");
		member(countyAdmin, a, "ENTERPRISE", "PRIVATE_ENTERPRISE", true, false, "DIRECTOR", "2024-02-10");
		member(countyAdmin, a, "ENTERPRISE", "INDIVIDUAL_BUSINESS", false, false, "MEMBER", "2025-03-10");
		long person = MemberFixture.person(port, countyAdmin, a, "钱女士", MemberFixture.identityNumber(), MemberFixture.phone());
		long left = member(countyAdmin, b, "ENTERPRISE", "PRIVATE_ENTERPRISE", false, false, "MEMBER", "2023-05-01");
		long leftMembership = jdbc.sql("select id from membership where party_id = :p").param("p", left).query(Long.class).single();
		Api.put(port, "/api/v1/memberships/" + leftMembership, countyAdmin, "{\"leftOn\":\"2025-06-30\",\"leaveReason\":\"迁出\"}");
		member(countyAdmin, b, "ENTERPRISE", "OTHER", false, false, "SUPERVISOR", "2025-07-01");
		var group = Api.post(port, "/api/v1/members", countyAdmin, "{\"kind\":\"GROUP\",\"orgId\":" + county
				+ ",\"groupOrgId\":" + a + ",\"role\":\"STANDING_DIRECTOR\",\"joinedOn\":\"2022-01-01\"}");
		assertThat(group.statusCode()).as(group.body()).isEqualTo(201);

		String structure = Api.get(port, "/api/v1/organizations/" + county + "/member-figures", countyAdmin).body();
		assertThat(structure).contains("\"total\":6", "\"enterprises\":4", "\"privateEnterprises\":2",
				"\"individualBusinesses\":1", "\"otherEnterprises\":1", "\"persons\":1", "\"groups\":1", "\"local\":5",
				"\"outOfTown\":1", "\"highTech\":1", "\"traditional\":3", "\"vicePresident\":1", "\"director\":1",
				"\"supervisor\":1", "\"standingDirector\":1", "\"member\":2", "\"core\":2", "\"close\":2", "\"contact\":2",
				"\"partyMembers\":1");
		String share = Api.get(port, "/api/v1/organizations/" + county + "/figures/member.partyMemberShare", countyAdmin)
			.body();
		assertThat(share).contains("\"value\":{\"value\":100.00,\"numerator\":{\"key\":\"member.partyMembers\",\"value\":1},"
				+ "\"denominator\":{\"key\":\"member.persons\",\"value\":1}}");

		String below = Api.get(port, "/api/v1/organizations/" + county + "/member-figures/below", countyAdmin).body();
		assertThat(below).contains("\"orgName\":\"甲商会\",\"total\":4", "\"orgName\":\"乙商会\",\"total\":1",
				"\"orgId\":null,\"orgName\":null,\"total\":1");

		String growth = Api.get(port, "/api/v1/organizations/" + county + "/member-growth?from=2024-12-31&to=2025-12-31",
				countyAdmin).body();
		// At 2024-12-31: the group, two enterprises of 甲 and the one of 乙 = 4; the person joined 2023-06-15 = 5.
		assertThat(growth).contains("\"atStart\":5", "\"atEnd\":6", "\"joined\":2", "\"left\":1", "\"growthPercent\":20.00");

		// The tally follows a party's changed attributes and a merge-free role change.
		long firstOfA = jdbc.sql("select p.id from party p join membership m on m.party_id = p.id where m.org_id = :a "
				+ "and p.high_tech").param("a", a).query(Long.class).single();
		long version = jdbc.sql("select version from party where id = :p").param("p", firstOfA).query(Long.class).single();
		var changed = Api.put(port, "/api/v1/parties/" + firstOfA, countyAdmin, "{\"name\":\"改名企业\",\"creditCode\":\""
				+ jdbc.sql("select credit_code from party where id = :p").param("p", firstOfA).query(String.class).single()
				+ "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\",\"outOfTown\":true,\"highTech\":false,\"version\":" + version + "}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/member-figures", countyAdmin).body())
			.contains("\"total\":6", "\"outOfTown\":2", "\"highTech\":0", "\"traditional\":4");

		// a person who leaves the party moves between the tallies (the party trigger)
		jdbc.sql("update party set party_member = false where id = :p").param("p", person).update();
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/member-figures", countyAdmin).body())
			.contains("\"persons\":1", "\"partyMembers\":0");

		String chamberUser = fixture.tokenIn(b, Role.CHAMBER_ADMIN);
		assertThat(Api.get(port, "/api/v1/organizations/" + a + "/member-figures", chamberUser).statusCode()).isEqualTo(404);
		assertThat(person).isPositive();
	}

	private long member(String token, long org, String kind, String enterpriseKind, boolean outOfTown, boolean highTech,
			String role, String joined) {
		return MemberFixture.created(Api.post(port, "/api/v1/members", token, "{\"kind\":\"" + kind + "\",\"orgId\":" + org
				+ ",\"name\":\"企业" + System.nanoTime() + "\",\"creditCode\":\"" + MemberFixture.creditCode()
				+ "\",\"enterpriseKind\":\"" + enterpriseKind + "\",\"outOfTown\":" + outOfTown + ",\"highTech\":" + highTech
				+ ",\"role\":\"" + role + "\",\"joinedOn\":\"" + joined + "\"}"));
	}

}
