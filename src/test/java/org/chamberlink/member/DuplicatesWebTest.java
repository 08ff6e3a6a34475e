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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The duplicate report finds a shared phone and a near-identical name; a merge moves everything to the survivor. */
@IntegrationTest
@Tag("database")
class DuplicatesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void likelyDuplicatesAreReportedAndMergedWithTheirMemberships() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "查重测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long a = fixture.chamber("INDUSTRY", "甲商会", "130102", county);
		long b = fixture.chamber("INDUSTRY", "乙商会", "130102", county);
		String admin = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		String suffix = Long.toString(System.nanoTime());
		String phone = MemberFixture.phone();
		long first = MemberFixture.enterprise(port, admin, a, "华北建材" + suffix + "有限公司", MemberFixture.creditCode(), phone);
		long second = MemberFixture.enterprise(port, admin, b, "华北建材" + suffix + "（石家庄）公司", MemberFixture.creditCode(),
				MemberFixture.phone());
		long third = MemberFixture.enterprise(port, admin, a, "另一家" + suffix, MemberFixture.creditCode(), phone);

		String report = Api.get(port, "/api/v1/members/duplicates", admin).body();
		assertThat(Json.<List<String>>read(report, "$..reason")).contains("NAME", "PHONE");
		assertThat(ids(report)).filteredOn(id -> id == first).hasSize(2);
		assertThat(ids(report)).filteredOn(id -> id == second).hasSize(1);
		assertThat(ids(report)).filteredOn(id -> id == third).hasSize(1);
		String otherChamber = fixture.tokenIn(b, Role.CHAMBER_ADMIN);
		assertThat(ids(Api.get(port, "/api/v1/members/duplicates", otherChamber).body())).doesNotContain(first);

		var merged = Api.post(port, "/api/v1/parties/" + first + "/merge", admin, "{\"duplicateIds\":[" + second + "]}");
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from membership where party_id = :p and left_on is null").param("p", first)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select status || ':' || merged_into from party where id = :p").param("p", second)
			.query(String.class).single()).isEqualTo("MERGED:" + first);
		assertThat(Api.get(port, "/api/v1/parties/" + first + "/history", admin).body()).contains("MERGE");
		assertThat(ids(Api.get(port, "/api/v1/members/duplicates", admin).body())).doesNotContain(second);
		// 乙商会 now sees the survivor (it holds the moved membership) but not 甲商会's other member.
		assertThat(Api.post(port, "/api/v1/parties/" + first + "/merge", otherChamber, "{\"duplicateIds\":[" + third + "]}")
			.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select status from party where id = :p").param("p", third).query(String.class).single())
			.isEqualTo("ACTIVE");
	}

	/** The party ids the duplicates report lists, once per group a party is in. */
	private static List<Long> ids(String report) {
		return Json.<List<Number>>read(report, "$..id").stream().map(Number::longValue).toList();
	}

}
