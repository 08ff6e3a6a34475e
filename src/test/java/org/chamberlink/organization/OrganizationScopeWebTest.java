package org.chamberlink.organization;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.region.Regions;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.shared.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county federation sees its own chambers and figures and nothing of the neighbouring county;
 * the figures are hand-counted from the fixture. Each test builds its own province slice under a
 * fresh city region code, so tests never share chambers.
 */
@IntegrationTest
@Tag("database")
class OrganizationScopeWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	String admin;

	OrganizationFixture fixture;

	@BeforeEach
	void systemAdministrator() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		admin = fixture.admin();
	}

	@Test
	void aCountySeesOnlyItsSubtreeAndItsFiguresAreCountedBySql() {
		// 河北省石家庄市: 长安区 130102 (our county) and 桥西区 130104 (the neighbour).
		long province = fixture.create("{\"type\":\"FEDERATION\",\"level\":\"PROVINCE\",\"name\":\"测试省工商联"
				+ System.nanoTime() + "\",\"regionCode\":\"13\"}");
		long city = fixture.create(org("FEDERATION", "CITY", null, "石家庄市工商联", "1301", province));
		long county = fixture.create(org("FEDERATION", "COUNTY", null, "长安区工商联", "130102", city));
		long neighbour = fixture.create(org("FEDERATION", "COUNTY", null, "桥西区工商联", "130104", city));
		String[] townships = regions.children("130102").stream().map(r -> r.code()).limit(2).toArray(String[]::new);
		jdbc.sql("update organization set status = 'DISSOLVED' where chamber_kind = 'TOWNSHIP' and region_code in (:a, :b)")
			.param("a", townships[0]).param("b", townships[1]).update();
		long township1 = fixture.create(org("CHAMBER", null, "TOWNSHIP", "一号街道商会", townships[0], county));
		fixture.create(org("CHAMBER", null, "TOWNSHIP", "二号街道商会", townships[1], county));
		fixture.create("{\"type\":\"CHAMBER\",\"chamberKind\":\"INDUSTRY\",\"name\":\"长安区餐饮行业商会\","
				+ "\"regionCode\":\"130102\",\"parentId\":" + county + ",\"registered\":true,"
				+ "\"registrationCode\":\"51130102MJ0000001K\",\"partyOrganisation\":\"BRANCH\"}");
		long foreign = fixture.create(org("CHAMBER", null, "INDUSTRY", "桥西区建材商会", "130104", neighbour));

		String countyUser = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		String listed = Api.get(port, "/api/v1/organizations?type=CHAMBER", countyUser).body();
		assertThat(listed).contains("一号街道商会", "二号街道商会", "长安区餐饮行业商会").doesNotContain("桥西区");
		assertThat(Api.get(port, "/api/v1/organizations/" + foreign, countyUser).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + neighbour + "/figures", countyUser).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + city, countyUser).statusCode()).isEqualTo(404);

		var term = Api.post(port, "/api/v1/organizations/" + township1 + "/leadership", countyUser,
				"{\"role\":\"PRESIDENT\",\"personName\":\"张会长\",\"startsOn\":\"" + LocalDate.now(ChinaTime.ZONE).minusYears(5)
						+ "\",\"endsOn\":\"" + LocalDate.now(ChinaTime.ZONE).plusDays(30) + "\"}");
		assertThat(term.statusCode()).as(term.body()).isEqualTo(201);
		String figures = Api.get(port, "/api/v1/organizations/" + county + "/figures", countyUser).body();
		long townshipsOfCounty = regions.townshipsWithin("130102");
		assertThat(figures).contains("\"chambers\":3", "\"TOWNSHIP\":2", "\"INDUSTRY\":1",
				"\"townshipCoverage\":{\"numerator\":2,\"denominator\":" + townshipsOfCounty,
				"\"registrationRate\":{\"numerator\":1,\"denominator\":3,\"percent\":33.33}",
				"\"partyCoverage\":{\"numerator\":1,\"denominator\":3,\"percent\":33.33}", "\"renewalsDue\":1");

		var blocked = Api.delete(port, "/api/v1/organizations/" + county, admin);
		assertThat(blocked.statusCode()).isEqualTo(422);
		assertThat(blocked.body()).contains("下级还有未注销的组织");
		assertThat(Api.delete(port, "/api/v1/organizations/" + foreign, countyUser).statusCode()).isEqualTo(404);
		var dissolved = Api.delete(port, "/api/v1/organizations/" + township1, countyUser);
		assertThat(dissolved.statusCode()).isEqualTo(200);
		assertThat(dissolved.body()).contains("\"status\":\"DISSOLVED\"");
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/figures", countyUser).body())
			.contains("\"chambers\":2");

		String chamberUser = fixture.tokenIn(township1, Role.CHAMBER_ADMIN);
		assertThat(Api.get(port, "/api/v1/organizations", chamberUser).body()).contains("一号街道商会")
			.doesNotContain("二号街道商会", "长安区工商联");
	}

	@Test
	void badOrganisationsAreRefusedNamingTheFieldAndNothingIsWritten() {
		long province = fixture.create("{\"type\":\"FEDERATION\",\"level\":\"PROVINCE\",\"name\":\"规则测试省工商联"
				+ System.nanoTime() + "\",\"regionCode\":\"14\"}");
		long before = jdbc.sql("select count(*) from organization").query(Long.class).single();

		var notATownship = Api.post(port, "/api/v1/organizations", admin,
				org("CHAMBER", null, "TOWNSHIP", "错误商会", "1401", province));
		assertThat(notATownship.statusCode()).isEqualTo(422);
		assertThat(notATownship.body()).contains("\"field\":\"regionCode\"");

		var badCode = Api.post(port, "/api/v1/organizations", admin, "{\"type\":\"FEDERATION\",\"level\":\"CITY\","
				+ "\"name\":\"太原市工商联\",\"regionCode\":\"1401\",\"parentId\":" + province
				+ ",\"registrationCode\":\"51130102MJ0000001L\"}");
		assertThat(badCode.statusCode()).isEqualTo(422);
		assertThat(badCode.body()).contains("登记证统一社会信用代码", "校验位");

		var outside = Api.post(port, "/api/v1/organizations", admin,
				org("FEDERATION", "CITY", null, "石家庄市工商联", "1301", province));
		assertThat(outside.body()).contains("须在上级组织的区划之内");

		var blank = Api.post(port, "/api/v1/organizations", admin, "{\"type\":\"FEDERATION\",\"name\":\"\"}");
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("请填写“组织名称”", "请填写“所在区划”");

		var notJson = Api.post(port, "/api/v1/organizations", admin, "{\"type\":\"NO_SUCH_TYPE\"}");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("请求内容不是有效的 JSON");

		assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(before);
	}

	private String org(String type, String level, String kind, String name, String region, long parent) {
		return "{\"type\":\"" + type + "\"," + (level == null ? "" : "\"level\":\"" + level + "\",")
				+ (kind == null ? "" : "\"chamberKind\":\"" + kind + "\",") + "\"name\":\"" + name
				+ "\",\"regionCode\":\"" + region + "\",\"parentId\":" + parent + "}";
	}

}
