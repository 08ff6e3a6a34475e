package org.chamberlink.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.region.Regions;
import org.chamberlink.region.TownshipKind;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage of township chambers divides by administrative townships that exist today: not the
 * development zones and farms the code list holds at that level (unless an administrator counts
 * one), not a township abolished — and an abolition dated later has not happened yet. Rates by
 * kind of chamber stand beside the rates over all chambers.
 */
@IntegrationTest
class TownshipCoverageWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Test
	void theCodeAndTheNameTellAnAdministrativeTownshipFromAZoneOrAFarm() {
		assertThat(TownshipKind.of("130102001", "建北街道")).isEqualTo(TownshipKind.ADMINISTRATIVE);
		assertThat(TownshipKind.of("130123100", "正定镇")).isEqualTo(TownshipKind.ADMINISTRATIVE);
		assertThat(TownshipKind.of("130125200", "南沟乡")).isEqualTo(TownshipKind.ADMINISTRATIVE);
		assertThat(TownshipKind.of("110115400", "北京经济技术开发区")).isEqualTo(TownshipKind.OTHER);
		assertThat(TownshipKind.of("130102451", "长安区某某街道")).as("a unit like a township, whatever its name")
			.isEqualTo(TownshipKind.OTHER);
		assertThat(TownshipKind.of("441900100", "东城区直辖村级区划")).isEqualTo(TownshipKind.OTHER);
		// the migration classified the loaded list by the same rule
		List<Map<String, Object>> hebei = jdbc.sql("select code, name, township_kind from region "
				+ "where level = 'TOWNSHIP' and code like '13%'").query().listOfRows();
		assertThat(hebei).hasSizeGreaterThan(2000).allSatisfy(row -> assertThat(row.get("township_kind"))
			.as(row.get("name").toString())
			.isEqualTo(TownshipKind.of(row.get("code").toString(), row.get("name").toString()).name()));
		assertThat(jdbc.sql("select count(*) from region where level = 'TOWNSHIP' and code like '13%' "
				+ "and township_kind = 'OTHER'").query(Long.class).single()).isPositive();
	}

	@Test
	void coverageCountsExistingAdministrativeTownshipsAndAnAbolitionTakesEffectOnItsDay() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		String admin = fixture.admin();
		String tag = Long.toString(System.nanoTime());
		long county = fixture.federation("COUNTY", "覆盖率测试区" + tag, "130102", null);
		String abolishedOne = fixture.township("130102");
		String laterOne = fixture.township("130102");
		long chamber = fixture.chamber("TOWNSHIP", "覆盖率测试街道商会" + tag, abolishedOne, county);
		fixture.chamber("INDUSTRY", "覆盖率测试行业商会" + tag, "130102", county);
		long townships = regions.townshipsWithin("130102");

		String figures = Api.get(port, "/api/v1/organizations/" + county + "/figures/organization.townshipCoverage", admin)
			.body();
		assertThat(Json.number(figures, "$.value.numerator.value")).isEqualTo(1);
		assertThat(Json.number(figures, "$.value.denominator.value")).isEqualTo(townships);

		// abolished yesterday: it leaves the denominator, and its chamber the numerator
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		assertThat(Api.post(port, "/api/v1/regions/" + abolishedOne + "/abolish?on=" + today.minusDays(1), admin, "")
			.statusCode()).isEqualTo(200);
		// to be abolished next month: it still counts, and still takes a chamber
		assertThat(Api.post(port, "/api/v1/regions/" + laterOne + "/abolish?on=" + today.plusMonths(1), admin, "")
			.statusCode()).isEqualTo(200);
		String after = Api.get(port, "/api/v1/organizations/" + county + "/figures/organization.townshipCoverage", admin)
			.body();
		assertThat(Json.number(after, "$.value.numerator.value")).isZero();
		assertThat(Json.number(after, "$.value.denominator.value")).isEqualTo(townships - 1);
		assertThat(fixture.chamber("TOWNSHIP", "将撤销街道商会" + tag, laterOne, county)).isPositive();
		assertThat(Json.number(Api.get(port, "/api/v1/organizations/" + county
				+ "/figures/organization.townshipCoverage", admin).body(), "$.value.numerator.value")).isEqualTo(1);
		assertThat(chamber).isPositive();
	}

	@Test
	void aZoneIsCountedApartUntilAnAdministratorCountsIt() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		String admin = fixture.admin();
		String zone = "130102" + (450 + System.nanoTime() % 100);
		var added = Api.post(port, "/api/v1/regions", admin,
				"{\"code\":\"" + zone + "\",\"name\":\"长安经济开发区\",\"parentCode\":\"130102\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(Json.text(added.body(), "$.townshipKind")).isEqualTo("OTHER");
		long counted = regions.townshipsWithin("130102");
		long apart = regions.uncountedTownshipsWithin("130102");
		assertThat(apart).isPositive();

		var included = Api.put(port, "/api/v1/regions/" + zone + "/coverage", admin, "{\"counts\":true}");
		assertThat(included.statusCode()).as(included.body()).isEqualTo(200);
		assertThat(regions.townshipsWithin("130102")).isEqualTo(counted + 1);
		assertThat(regions.uncountedTownshipsWithin("130102")).isEqualTo(apart - 1);

		// the same on the administrator's page, one button per township-level unit
		var page = org.chamberlink.support.WebSession.signedIn(port,
				fixture.account(null, Role.SYSTEM_ADMIN).getUsername(), org.chamberlink.support.TestAccounts.PASSWORD);
		assertThat(page.get("/admin/regions?code=130102").body()).contains("长安经济开发区", "不计入覆盖率");
		page.postForm("/admin/regions/coverage", Map.of("code", zone, "counts", "false"));
		assertThat(regions.get(zone).countsForCoverage()).isFalse();
		assertThat(page.get("/admin/regions?code=130102").body()).contains("计入覆盖率", "不计入覆盖率");

		var county = Api.put(port, "/api/v1/regions/130102/coverage", admin, "{\"counts\":true}");
		assertThat(county.statusCode()).isEqualTo(422);
		assertThat(county.body()).contains("只有乡级区划");
		String staff = fixture.tokenIn(null, Role.FEDERATION_ADMIN);
		assertThat(Api.put(port, "/api/v1/regions/" + zone + "/coverage", staff, "{\"counts\":false}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void registrationAndPartyCoverageAreAlsoGivenPerKindOfChamber() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		String tag = Long.toString(System.nanoTime());
		long county = fixture.federation("COUNTY", "分类比率测试区" + tag, "130102", null);
		fixture.chamber("TOWNSHIP", "分类比率街道商会" + tag, fixture.township("130102"), county);
		fixture.chamber("INDUSTRY", "分类比率行业商会" + tag, "130102", county);
		String admin = fixture.admin();
		String body = Api.get(port, "/api/v1/organizations/" + county + "/figures", admin).body();
		assertThat(Json.number(body, "$.byKind.TOWNSHIP.registrationRate.denominator")).isEqualTo(1);
		assertThat(Json.number(body, "$.byKind.INDUSTRY.partyCoverage.numerator")).isZero();
		assertThat(Json.number(body, "$.registrationRate.denominator")).isEqualTo(2);
		var page = org.chamberlink.support.WebSession.signedIn(port,
				fixture.account(county, Role.FEDERATION_ADMIN).getUsername(),
				org.chamberlink.support.TestAccounts.PASSWORD).get("/figures/organizations?org=" + county).body();
		assertThat(page).contains("data-testid=\"rates-by-kind\"", "乡镇街道商会", "行业商会", "已登记商会 0 个 / 商会总数 1 个");
	}

}
