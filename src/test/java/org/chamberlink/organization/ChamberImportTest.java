package org.chamberlink.organization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.XlsxWriter;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chamber import, set-based (issue 15): a file mixing every kind of bad row with good ones is
 * reported row by row, in the words and order of the form, and writes nothing unless the good
 * rows alone are asked for; 10,000 rows are written whole — paths, audit entries, events — and
 * importing them again changes nothing. The county federation of a test tree imports, signed in
 * on the test's thread.
 */
@IntegrationTest
@RecordApplicationEvents
@Tag("database")
class ChamberImportTest {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChamberImport chamberImport;

	@Autowired
	Regions regions;

	@Autowired
	Organizations organizations;

	@Autowired
	ApplicationEvents events;

	OrganizationFixture fixture;

	TestTree tree;

	@BeforeEach
	void aCountySignedIn() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		tree = fixture.tree("商会导入");
		AccountPrincipal staff = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aMixedFileIsReportedRowByRowAndWritesNothingUnlessTheGoodRowsAreAskedFor() {
		String tag = tree.tag();
		long county = tree.county();
		long nowhere = jdbc.sql("select coalesce(max(id), 0) + 1000000 from organization").query(Long.class).single();
		String township = fixture.township("130102");
		String townshipName = regions.find(township).orElseThrow().name();
		String first = code("51130102MJ0000001"), ours = code("51130102MJ0000002"), theirs = code("51130104MJ0000003");
		jdbc.sql("update organization set registration_code = :code where id = :id").param("code", ours)
			.param("id", tree.chamber()).update();
		jdbc.sql("update organization set registration_code = :code where id = :id").param("code", theirs)
			.param("id", tree.neighbour()).update();
		String existing = jdbc.sql("select name from organization where id = :id").param("id", tree.chamber())
			.query(String.class).single();
		byte[] file = xlsx(List.of(
				row("甲商会" + tag, "行业商会", "130102", county, first), // 2: good
				row("", "行业商会", "130102", county, ""), // 3
				row("乙商会" + tag, "不存在的类型", "130102", county, ""), // 4
				row("丙商会" + tag, "行业商会", "999999", county, ""), // 5
				row("丁商会" + tag, "行业商会", "130104", county, ""), // 6: the neighbour county's region
				row("戊商会" + tag, "行业商会", "130104", tree.neighbourCounty(), ""), // 7: parent out of scope
				row("己商会" + tag, "行业商会", "130102", nowhere, ""), // 8: parent nowhere
				row("庚商会" + tag, "行业商会", "130102", tree.chamber(), ""), // 9: a chamber as parent
				row("辛商会" + tag, "乡镇街道商会", "130102", county, ""), // 10: a county for a township chamber
				row("壬镇商会" + tag, "乡镇街道商会", township, county, ""), // 11: good
				row("癸镇商会" + tag, "乡镇街道商会", township, county, ""), // 12: the same township again
				row("子商会" + tag, "行业商会", "130102", county, first), // 13: row 2's code
				row("丑商会" + tag, "行业商会", "130102", county, ours), // 14: our chamber's code
				row("寅商会" + tag, "区域性商会", "130102", county, theirs), // 15: good (the neighbour's code is not seen)
				row("甲商会" + tag, "行业商会", "130102", county, ""), // 16: row 2 again: unchanged
				row(existing, "行业商会", "130102", county, ""), // 17: already there: unchanged
				row("卯商会" + tag, "行业商会", "130102", county, wrongCheck(code("51130102MJ0000004"))), // 18
				List.of("辰商会" + tag, "行业商会", "130102", Long.toString(county), "2023-02-30", "否", "", "党支部"), // 19
				row("长".repeat(201), "行业商会", "130102", county, ""), // 20
				List.of("巳商会" + tag, "行业商会", "130102", Long.toString(county), "2019-03-01", "也许", "", "党支部"), // 21
				List.of("午商会" + tag, "行业商会", "130102", "长安区", "2019-03-01", "否", "", "党支部"), // 22
				List.of("未商会" + tag, "行业商会", "130102", Long.toString(county), "2019-03-01", "否", "", "党小组"))); // 23
		List<ChamberImport.RowError> expected = List.of(new ChamberImport.RowError(3, "名称：必填"),
				new ChamberImport.RowError(4, "商会类型：“不存在的类型”不是有效的商会类型"),
				new ChamberImport.RowError(5, "区划代码：所在区划“999999”不存在"),
				new ChamberImport.RowError(6, "区划代码：“所在区划”须在上级组织的区划之内"),
				new ChamberImport.RowError(7, "上级组织编号：不存在或不在您的管理范围内"),
				new ChamberImport.RowError(8, "上级组织编号：不存在或不在您的管理范围内"),
				new ChamberImport.RowError(9, "上级组织编号：商会的“上级组织”须为工商联"),
				new ChamberImport.RowError(10, "区划代码：乡镇街道商会的“所在区划”须为乡镇或街道"),
				new ChamberImport.RowError(12, "区划代码：" + townshipName + "已有乡镇街道商会，一个乡镇街道只能有一个"),
				new ChamberImport.RowError(13, "登记证统一社会信用代码：与第 2 行相同"),
				new ChamberImport.RowError(14, "登记证统一社会信用代码：您管理范围内已有组织使用此代码"),
				new ChamberImport.RowError(18, "登记证统一社会信用代码：“登记证统一社会信用代码”无效：须为 18 位、以 5 开头且校验位正确"),
				new ChamberImport.RowError(19, "成立日期：不是日历上有的日期，或不在 1900 至 2099 年之间；日期应写作 2018-06-01、2018/6/1 或 2018年6月1日"),
				new ChamberImport.RowError(20, "名称：不能超过 200 个字"),
				new ChamberImport.RowError(21, "已登记：应填“是”或“否”，而不是“也许”"),
				new ChamberImport.RowError(22, "上级组织编号：须为数字"),
				new ChamberImport.RowError(23, "党组织：“党小组”不是有效的党组织形式"));
		long before = below(county);
		long auditBefore = audited();

		ChamberImport.Result refused = chamberImport.importChambers(new ByteArrayInputStream(file), false, ZH);
		assertThat(refused.errors()).containsExactlyElementsOf(expected);
		assertThat(refused.written()).isFalse();
		assertThat(refused.imported()).isZero();
		assertThat(refused.unchanged()).isEqualTo(2);
		assertThat(refused.rows()).hasSize(22);
		assertThat(below(county)).isEqualTo(before);
		assertThat(audited()).isEqualTo(auditBefore);
		assertThat(events.stream(OrganizationRegistered.class)).isEmpty();

		ChamberImport.Result partly = chamberImport.importChambers(new ByteArrayInputStream(file), true, ZH);
		assertThat(partly.errors()).containsExactlyElementsOf(expected);
		assertThat(partly.written()).isTrue();
		assertThat(partly.imported()).isEqualTo(3);
		assertThat(partly.unchanged()).isEqualTo(2);
		assertThat(below(county)).isEqualTo(before + 3);
		String countyPath = pathOf(county);
		List<Map<String, Object>> written = jdbc.sql("""
				select id, name, chamber_kind, region_code, path, registration_code, registered, party_organisation,
				       founded_on::text as founded_on, accepts_join_applications, status
				from organization where parent_id = :county and name in (:names) order by id
				""").param("county", county).param("names", List.of("甲商会" + tag, "壬镇商会" + tag, "寅商会" + tag))
			.query().listOfRows();
		assertThat(written).extracting(r -> r.get("name")).containsExactly("甲商会" + tag, "壬镇商会" + tag, "寅商会" + tag);
		assertThat(written).extracting(r -> r.get("chamber_kind")).containsExactly("INDUSTRY", "TOWNSHIP", "REGIONAL");
		assertThat(written).extracting(r -> r.get("region_code")).containsExactly("130102", township, "130102");
		assertThat(written).extracting(r -> r.get("registration_code")).containsExactly(first, null, theirs);
		assertThat(written).extracting(r -> r.get("registered")).containsOnly(true);
		assertThat(written).extracting(r -> r.get("party_organisation")).containsOnly("BRANCH");
		assertThat(written).extracting(r -> r.get("founded_on")).containsOnly("2019-03-01");
		assertThat(written).extracting(r -> r.get("accepts_join_applications")).containsOnly(true);
		assertThat(written).extracting(r -> r.get("status")).containsOnly("ACTIVE");
		for (Map<String, Object> chamber : written) {
			long id = ((Number) chamber.get("id")).longValue();
			assertThat(chamber.get("path")).isEqualTo(countyPath + id + "/");
			assertThat(jdbc.sql("""
					select count(*) from audit_log where action = 'CREATE' and entity_type = 'Organization'
					  and entity_id = :id and org_id = :org and changes ->> 'name' is not null
					""").param("id", Long.toString(id)).param("org", id).query(Long.class).single()).isEqualTo(1);
		}
		assertThat(events.stream(OrganizationRegistered.class).map(e -> List.<Object>of(e.orgId(), e.orgPath(), e.parentId(),
				e.type(), e.chamberKind(), e.regionCode(), e.name())))
			.containsExactlyElementsOf(written.stream().map(r -> List.<Object>of(((Number) r.get("id")).longValue(),
					r.get("path"), county, OrganizationType.CHAMBER, ChamberKind.valueOf((String) r.get("chamber_kind")),
					r.get("region_code"), r.get("name"))).toList());
		// the chambers are the tree's, for the scope as for everything else
		assertThat(chamberImportScopeSees(written)).isTrue();

		// the same file again: the written rows are there now, and nothing more is written
		ChamberImport.Result again = chamberImport.importChambers(new ByteArrayInputStream(file), true, ZH);
		assertThat(again.imported()).isZero();
		assertThat(again.unchanged()).isEqualTo(5);
		assertThat(below(county)).isEqualTo(before + 3);
	}

	@Test
	void tenThousandRowsAreWrittenWholeAndAgainChangeNothing() {
		String prefix = "万行商会" + tree.tag() + "·";
		long county = tree.county();
		String[] kinds = { "行业商会", "区域性商会", "异地商会", "村级商会" };
		String[] party = { "无党组织", "党支部", "联合党支部", "党委" };
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			rows.add(List.of(prefix + i, kinds[i % 4], "130102", Long.toString(county),
					String.format("%d-%02d-%02d", 2000 + i % 26, 1 + i % 12, 1 + i % 28), i % 2 == 0 ? "是" : "否",
					i % 2 == 0 ? code("51130102MJ" + String.format("%07d", i)) : "", party[i % 4]));
		}
		byte[] file = xlsx(rows);
		long auditBefore = audited();

		ChamberImport.Result result = chamberImport.importChambers(new ByteArrayInputStream(file), false, ZH);
		assertThat(result.errors()).isEmpty();
		assertThat(result.written()).isTrue();
		assertThat(result.imported()).isEqualTo(10_000);
		Map<String, Object> written = jdbc.sql("""
				select count(*) as n, count(*) filter (where path = :path || id || '/') as pathed,
				       count(distinct registration_code) as codes, count(*) filter (where registered) as registered,
				       count(*) filter (where party_organisation = 'COMMITTEE') as committees,
				       count(*) filter (where chamber_kind = 'OUT_OF_TOWN') as out_of_town,
				       count(*) filter (where founded_on is null) as undated,
				       count(*) filter (where accepts_join_applications and status = 'ACTIVE') as open
				from organization where parent_id = :county and name like :prefix
				""").param("path", pathOf(county)).param("county", county).param("prefix", prefix + "%").query().singleRow();
		assertThat(written).containsEntry("n", 10_000L).containsEntry("pathed", 10_000L).containsEntry("codes", 5_000L)
			.containsEntry("registered", 5_000L).containsEntry("committees", 2_500L).containsEntry("out_of_town", 2_500L)
			.containsEntry("undated", 0L).containsEntry("open", 10_000L);
		// row 5,002 (the 5,001st chamber) as typed
		assertThat(jdbc.sql("""
				select chamber_kind || ' ' || founded_on || ' ' || registered || ' ' || coalesce(registration_code, '-')
				       || ' ' || party_organisation
				from organization where parent_id = :county and name = :name
				""").param("county", county).param("name", prefix + 5000).query(String.class).single())
			.isEqualTo("INDUSTRY 2008-09-17 true " + code("51130102MJ0005000") + " NONE");
		assertThat(audited() - auditBefore).isEqualTo(10_000);
		assertThat(events.stream(OrganizationRegistered.class).filter(e -> e.name().startsWith(prefix)))
			.hasSize(10_000)
			.allMatch(e -> e.orgPath().equals(pathOf(county) + e.orgId() + "/") && e.parentId() == county);

		ChamberImport.Result again = chamberImport.importChambers(new ByteArrayInputStream(file), false, ZH);
		assertThat(again.errors()).isEmpty();
		assertThat(again.imported()).isZero();
		assertThat(again.unchanged()).isEqualTo(10_000);
		assertThat(below(county)).isEqualTo(10_001);
	}

	/** The county user's scoped reads find every chamber written. */
	private boolean chamberImportScopeSees(List<Map<String, Object>> written) {
		return written.stream().allMatch(r -> organizations.find(((Number) r.get("id")).longValue()).isPresent());
	}

	private long below(long parent) {
		return jdbc.sql("select count(*) from organization where parent_id = :p").param("p", parent).query(Long.class)
			.single();
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_log where action = 'CREATE' and entity_type = 'Organization'")
			.query(Long.class).single();
	}

	private String pathOf(long id) {
		return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
	}

	private static String code(String first17) {
		return first17.length() == 17 ? UnifiedSocialCreditCode.complete(first17) : first17;
	}

	/** The code with another check character. */
	private static String wrongCheck(String code) {
		return code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
	}

	private static List<Object> row(String name, String kind, String region, long parent, String code) {
		return List.of(name, kind, region, Long.toString(parent), "2019-03-01", "是", code, "党支部");
	}

	private static byte[] xlsx(List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter xlsx = XlsxWriter.open(out, "商会", ChamberImport.HEADERS)) {
			rows.forEach(xlsx::row);
		}
		return out.toByteArray();
	}

}
