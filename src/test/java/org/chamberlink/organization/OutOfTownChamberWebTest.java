package org.chamberlink.organization;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.XlsxWriter;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * An out-of-town chamber (异地商会) of a county's people elsewhere (decision 31): it sits in another
 * province, belongs to the home federation, and carries its origin inside the federation's region.
 * The other province's federation, a tree of its own, never sees it; the figures count it for the
 * home federation's chambers and in no township coverage.
 */
@IntegrationTest
class OutOfTownChamberWebTest {

	/** 广东省深圳市福田区: another province. */
	static final String SHENZHEN_FUTIAN = "440304";

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

	OrganizationFixture fixture;

	String tag;

	long province;

	/** 鹿泉区工商联 (130110) of this test. */
	long county;

	String countyToken;

	@BeforeEach
	void aHomeCounty() {
		fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		tag = Long.toString(System.nanoTime() % 10_000_000L, 36);
		province = fixture.federation("PROVINCE", "异地商会测试省工商联" + tag, "13", null);
		county = fixture.federation("COUNTY", "异地商会测试鹿泉区工商联" + tag, "130110", province);
		countyToken = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
	}

	@Test
	void anOutOfTownChamberSitsInAnotherProvinceWithItsOriginInsideTheParent() {
		var created = Api.post(port, "/api/v1/organizations", countyToken, outOfTown("深圳长安商会", SHENZHEN_FUTIAN,
				"130110"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long chamber = Json.created(created);
		String details = Api.get(port, "/api/v1/organizations/" + chamber, countyToken).body();
		assertThat(Json.text(details, "$.regionCode")).isEqualTo(SHENZHEN_FUTIAN);
		assertThat(Json.text(details, "$.originRegionCode")).isEqualTo("130110");
		assertThat(Json.number(details, "$.parentId")).isEqualTo(county);
		// an origin at township level of the county will do as well
		String township = fixture.township("130110");
		assertThat(Api.post(port, "/api/v1/organizations", countyToken, outOfTown("广州长安商会", "440104", township))
			.statusCode()).isEqualTo(201);
	}

	@Test
	void theOriginIsRequiredOutsideTheParentAndMustLieInsideIt() {
		assertApiRefused(Api.post(port, "/api/v1/organizations", countyToken, outOfTown("无来源地商会", SHENZHEN_FUTIAN, null)),
				"originRegionCode", "须填写“来源地”");
		assertApiRefused(Api.post(port, "/api/v1/organizations", countyToken,
				outOfTown("桥西人的商会", SHENZHEN_FUTIAN, "130104")), "originRegionCode", "“来源地”须在上级组织的区划之内");
		assertApiRefused(Api.post(port, "/api/v1/organizations", countyToken,
				outOfTown("来源地不存在商会", SHENZHEN_FUTIAN, "139999")), "originRegionCode", "来源地区划“139999”不存在");
		// any other chamber still sits inside its parent's region, and has no origin
		assertApiRefused(Api.post(port, "/api/v1/organizations", countyToken, chamber("INDUSTRY", "深圳茶叶商会",
				SHENZHEN_FUTIAN, null)), "regionCode", "须在上级组织的区划之内");
		assertApiRefused(Api.post(port, "/api/v1/organizations", countyToken, chamber("INDUSTRY", "长安茶叶商会", "130110",
				"130110")), "originRegionCode", "只有异地商会填写“来源地”");
		assertThat(below()).isZero();
		// an out-of-town chamber sitting at home (merchants from 温州 in 鹿泉区) names their origin, wherever it is
		assertThat(Api.post(port, "/api/v1/organizations", countyToken, outOfTown("鹿泉区温州商会", "130110", "3303"))
			.statusCode()).isEqualTo(201);
	}

	@Test
	void theOtherProvincesFederationDoesNotSeeItAndItsFiguresLeaveItOut() {
		String hostTownship = firstTownship(SHENZHEN_FUTIAN);
		long chamber = Json.created(Api.post(port, "/api/v1/organizations", countyToken,
				outOfTown("福田区长安商会", hostTownship, "130110")));
		// 福田区's own federation: a tree of its own, whose region holds the chamber's township
		long host = fixture.federation("COUNTY", "异地商会测试福田区工商联" + tag, SHENZHEN_FUTIAN, null);
		String hostToken = fixture.tokenIn(host, Role.FEDERATION_ADMIN);

		var asHost = Api.get(port, "/api/v1/organizations/" + chamber, hostToken);
		assertThat(asHost.statusCode()).isEqualTo(404);
		assertThat(asHost.body()).doesNotContain("福田区长安商会");
		assertThat(Api.get(port, "/api/v1/organizations?regionCode=" + SHENZHEN_FUTIAN, hostToken).body())
			.doesNotContain("福田区长安商会");
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/history", hostToken).statusCode()).isEqualTo(404);
		WebSession hostPage = WebSession.signedIn(port,
				new TestAccounts(accounts).createIn(host, Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		assertThat(hostPage.get("/organizations/" + chamber).statusCode()).isEqualTo(404);
		assertThat(hostPage.get("/organizations?regionCode=" + SHENZHEN_FUTIAN).body()).doesNotContain("福田区长安商会");

		// the home county sees it, by where it sits and by where its people come from
		assertThat(Api.get(port, "/api/v1/organizations?regionCode=44", countyToken).body()).contains("福田区长安商会");
		assertThat(Api.get(port, "/api/v1/organizations?regionCode=130110&kind=OUT_OF_TOWN", countyToken).body())
			.contains("福田区长安商会");

		String hostFigures = Api.get(port, "/api/v1/organizations/" + host + "/figures", hostToken).body();
		assertThat(Json.number(hostFigures, "$.chambers")).isZero();
		assertThat(Json.number(hostFigures, "$.townshipCoverage.numerator")).isZero();
	}

	/**
	 * Hand-counted: 鹿泉区 has one township chamber in a township of its own, an industry chamber, and
	 * two out-of-town chambers — one in a township of 福田区, one in 鹿泉区 itself (of 温州's people).
	 * Chambers: 4, of which out-of-town 2, township 1, industry 1. Coverage: 1 township of 鹿泉区's
	 * own ÷ 鹿泉区's townships; the out-of-town chamber in a 鹿泉区 township covers nothing. 福田区's
	 * federation, whose township holds the other one: 0 chambers, 0 covered.
	 */
	@Test
	void theHomeFederationCountsItsChambersButNoTownshipCoverage() {
		String home = fixture.township("130110");
		String anotherHomeTownship = fixture.township("130110");
		fixture.chamber("TOWNSHIP", "覆盖测试街道商会" + tag, home, county);
		fixture.chamber("INDUSTRY", "覆盖测试茶叶商会" + tag, "130110", county);
		Json.created(Api.post(port, "/api/v1/organizations", countyToken,
				outOfTown("覆盖测试福田长安商会", firstTownship(SHENZHEN_FUTIAN), "130110")));
		Json.created(Api.post(port, "/api/v1/organizations", countyToken,
				outOfTown("覆盖测试长安温州商会", anotherHomeTownship, "3303")));
		long host = fixture.federation("COUNTY", "覆盖测试福田区工商联" + tag, SHENZHEN_FUTIAN, null);

		String figures = Api.get(port, "/api/v1/organizations/" + county + "/figures", countyToken).body();
		assertThat(Json.number(figures, "$.chambers")).isEqualTo(4);
		assertThat(Json.number(figures, "$.chambersByKind.OUT_OF_TOWN")).isEqualTo(2);
		assertThat(Json.number(figures, "$.chambersByKind.TOWNSHIP")).isEqualTo(1);
		assertThat(Json.number(figures, "$.chambersByKind.INDUSTRY")).isEqualTo(1);
		assertThat(Json.number(figures, "$.townshipCoverage.numerator")).isEqualTo(1);
		assertThat(Json.number(figures, "$.townshipCoverage.denominator"))
			.isEqualTo(regions.coverageTownshipsWithin("130110").size());
		// the province over it counts them alike
		String provinceFigures = Api.get(port, "/api/v1/organizations/" + province + "/figures", fixture.admin()).body();
		assertThat(Json.number(provinceFigures, "$.chambersByKind.OUT_OF_TOWN")).isEqualTo(2);
		assertThat(Json.number(provinceFigures, "$.townshipCoverage.numerator")).isEqualTo(1);

		String hostFigures = Api.get(port, "/api/v1/organizations/" + host + "/figures", fixture.admin()).body();
		assertThat(Json.number(hostFigures, "$.chambers")).isZero();
		assertThat(Json.number(hostFigures, "$.townshipCoverage.numerator")).isZero();
	}

	@Test
	void theFormsTakeTheOriginKeepWhatWasTypedAndTheDetailPageShowsBothPlaces() {
		WebSession browser = WebSession.signedIn(port,
				new TestAccounts(accounts).createIn(county, Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		assertThat(browser.get("/organizations/new?parentId=" + county).body()).contains("name=\"originRegionCode\"",
				"来源地（异地商会）");
		var refused = browser.postForm("/organizations/new", Map.of("parentId", Long.toString(county), "type", "CHAMBER",
				"chamberKind", "OUT_OF_TOWN", "name", "表单深圳长安商会" + tag, "regionCode", SHENZHEN_FUTIAN,
				"originRegionCode", "130104"));
		assertFormKept(refused, "originRegionCode", "“来源地”须在上级组织的区划之内", "表单深圳长安商会" + tag, SHENZHEN_FUTIAN,
				"130104");
		assertThat(below()).isZero();

		var saved = browser.postForm("/organizations/new", Map.of("parentId", Long.toString(county), "type", "CHAMBER",
				"chamberKind", "OUT_OF_TOWN", "name", "表单深圳长安商会" + tag, "regionCode", SHENZHEN_FUTIAN,
				"originRegionCode", "130110"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = browser.get(browser.location(saved)).body();
		assertThat(page).contains("广东省深圳市福田区 (440304)", "来源地", "河北省石家庄市鹿泉区（130110）");
		long chamber = Long.parseLong(browser.location(saved).replaceAll("\\D", ""));

		// the county changes the origin on the edit form; a refusal keeps what was typed
		String edit = browser.get("/organizations/" + chamber + "/edit").body();
		assertThat(edit).contains("name=\"originRegionCode\"", "value=\"130110\"");
		var badEdit = browser.postForm("/organizations/" + chamber + "/edit", Map.of("name", "表单深圳长安商会" + tag,
				"regionCode", SHENZHEN_FUTIAN, "originRegionCode", "1302", "unregisteredReason", "筹备中", "version", "0"));
		assertFormKept(badEdit, "originRegionCode", "“来源地”须在上级组织的区划之内", "1302", "筹备中");
		String township = fixture.township("130110");
		var goodEdit = browser.postForm("/organizations/" + chamber + "/edit", Map.of("name", "表单深圳长安商会" + tag,
				"regionCode", SHENZHEN_FUTIAN, "originRegionCode", township, "unregisteredReason", "筹备中", "version", "0"));
		assertThat(goodEdit.statusCode()).as(goodEdit.body()).isEqualTo(302);
		String after = browser.get("/organizations/" + chamber).body();
		assertThat(after).contains("河北省石家庄市鹿泉区" + regions.get(township).name() + "（" + township + "）");
		// the record's history names the change of origin in Chinese
		assertThat(after).contains("来源地").contains("130110").contains(township);
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/history", countyToken).body())
			.contains("originRegionCode");
	}

	@Test
	void theChambersOwnAccountsCannotChangeItsOrigin() {
		long chamber = Json.created(Api.post(port, "/api/v1/organizations", countyToken, outOfTown("自改来源地商会",
				SHENZHEN_FUTIAN, "130110")));
		String own = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String name = "自改来源地商会" + tag;
		assertApiRefused(Api.put(port, "/api/v1/organizations/" + chamber, own, changes(name, SHENZHEN_FUTIAN,
				",\"originRegionCode\":\"130110100\"")), "originRegionCode", "不能修改本组织的来源地");
		// sent back as read, or left out, the origin stays
		assertThat(Api.put(port, "/api/v1/organizations/" + chamber, own, changes(name, SHENZHEN_FUTIAN,
				",\"originRegionCode\":\"130110\"")).statusCode()).isEqualTo(200);
		assertThat(Api.put(port, "/api/v1/organizations/" + chamber, own, changes(name, SHENZHEN_FUTIAN, "")
			.replace("\"version\":0", "\"version\":1")).statusCode()).isEqualTo(200);
		assertThat(Json.text(Api.get(port, "/api/v1/organizations/" + chamber, own).body(), "$.originRegionCode"))
			.isEqualTo("130110");
	}

	private static String changes(String name, String region, String more) {
		return "{\"name\":\"" + name + "\",\"regionCode\":\"" + region + "\",\"unregisteredReason\":\"筹备中\","
				+ "\"version\":0" + more + "}";
	}

	@Test
	void aParentsNewRegionMustStillHoldTheOriginOfItsChambersElsewhere() {
		Json.created(Api.post(port, "/api/v1/organizations", countyToken, outOfTown("改区划测试商会", SHENZHEN_FUTIAN,
				"130110")));
		assertApiRefused(Api.put(port, "/api/v1/organizations/" + county, fixture.admin(),
				"{\"name\":\"异地商会测试鹿泉区工商联" + tag + "\",\"regionCode\":\"130104\",\"version\":0}"), "regionCode",
				"下级组织的区划不在新的“所在区划”之内");
	}

	@Test
	void theChamberImportTakesTheOriginColumnAndSaysWhatIsWrongPerRow() {
		WebSession browser = WebSession.signedIn(port,
				new TestAccounts(accounts).createIn(county, Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		browser.get("/organizations/import");
		String parent = Long.toString(county);
		byte[] file = xlsx(List.of("导入深圳长安商会" + tag, "异地商会", SHENZHEN_FUTIAN, parent, "2020-09-01", "否", "", "无党组织",
				"130110"), List.of("导入无来源地商会" + tag, "异地商会", SHENZHEN_FUTIAN, parent, "2020-09-01", "否", "", "无党组织", ""));
		String page = browser.postFile("/organizations/import", "chambers.xlsx", file, Map.of("goodRowsOnly", "true"))
			.body();
		assertThat(page).contains("已导入 1 个商会", "来源地区划代码：异地商会设在上级组织的区划之外时，须填写“来源地”");
		assertThat(jdbc.sql("select origin_region_code from organization where parent_id = :p and name = :n")
			.param("p", county).param("n", "导入深圳长安商会" + tag).query(String.class).single()).isEqualTo("130110");
		assertThat(below()).isEqualTo(1);
	}

	private long below() {
		return jdbc.sql("select count(*) from organization where parent_id = :c").param("c", county).query(Long.class)
			.single();
	}

	private String firstTownship(String county) {
		return jdbc.sql("select min(code) from region where level = 'TOWNSHIP' and code like :c || '%'")
			.param("c", county).query(String.class).single();
	}

	private String outOfTown(String name, String region, String origin) {
		return chamber("OUT_OF_TOWN", name, region, origin);
	}

	private String chamber(String kind, String name, String region, String origin) {
		return "{\"type\":\"CHAMBER\",\"chamberKind\":\"" + kind + "\",\"name\":\"" + name + tag + "\",\"regionCode\":\""
				+ region + "\",\"parentId\":" + county + (origin == null ? "" : ",\"originRegionCode\":\"" + origin + "\"")
				+ "}";
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
