package org.chamberlink.organization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.chamberlink.shared.XlsxWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Excel out and in for a county: the export is the filtered, scoped list; the import is all or nothing. */
@IntegrationTest
class ChamberExcelWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long county;

	/** A township of 灵寿县 no chamber holds, for this test's township chamber. */
	String township;

	WebSession browser;

	@BeforeEach
	void countyOf灵寿() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "导入测试省工商联", "13", null);
		long city = fixture.federation("CITY", "导入测试市工商联", "1301", province);
		county = fixture.federation("COUNTY", "灵寿县工商联" + System.nanoTime(), "130126", city);
		long neighbour = fixture.federation("COUNTY", "行唐县工商联", "130125", city);
		fixture.chamber("INDUSTRY", "行唐县红枣行业商会", "130125", neighbour);
		township = fixture.township("130126");
		var user = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		browser = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		browser.get("/organizations/import");
	}

	@Test
	void oneBadRowImportsNothingAndReportsEveryRowsProblem() {
		long before = count();
		byte[] file = xlsx(row("灵寿镇商会", "乡镇街道商会", township, county), row("青廉乡商会", "乡镇街道商会", "1301", county),
				row("", "行业商会", "130126", county), row("灵寿县石材商会", "不存在的类型", "130126", county));
		String page = browser.postFile("/organizations/import", "chambers.xlsx", file, Map.of()).body();
		assertThat(page).contains("有 3 行有误，整个文件（共 4 行）均未导入", "乡镇街道商会的“所在区划”须为乡镇或街道",
				"名称：必填", "“不存在的类型”不是有效的商会类型");
		assertThat(count()).isEqualTo(before);

		List<Map<Integer, String>> report = read(browser.download("/organizations/import/report.xlsx"));
		assertThat(report).hasSize(4);
		assertThat(report.get(0).get(9)).isNull();
		assertThat(report.get(1).get(9)).contains("所在区划");
	}

	@Test
	void goodRowsOnlyImportsThemAndSaysWhichRowsWereSkippedAndAgainChangesNothing() {
		byte[] file = xlsx(row("灵寿镇商会", "乡镇街道商会", township, county), row("坏行商会", "行业商会", "9999", county),
				row("灵寿县石材商会", "行业商会", "130126", county));
		String page = browser.postFile("/organizations/import", "chambers.xlsx", file, Map.of("goodRowsOnly", "true"))
			.body();
		assertThat(page).contains("已导入 2 个商会；1 行有误已跳过", "<td>3</td>");
		assertThat(count()).isEqualTo(2);

		browser.get("/organizations/import");
		String again = browser.postFile("/organizations/import", "chambers.xlsx", file, Map.of("goodRowsOnly", "true"))
			.body();
		assertThat(again).contains("已导入 0 个商会；1 行有误已跳过", "2 行已存在");
		assertThat(count()).isEqualTo(2);

		List<Map<Integer, String>> exported = read(browser.download("/organizations/export.xlsx?type=CHAMBER"));
		assertThat(exported).extracting(r -> r.get(0)).contains("灵寿镇商会", "灵寿县石材商会").doesNotContain("行唐县红枣行业商会");
	}

	@Test
	void malformedFilesGetAClearMessage() {
		long countBefore = count();
		assertThat(browser.postFile("/organizations/import", "x.xlsx", "not a spreadsheet".getBytes(), Map.of()).body())
			.contains("不是有效的 Excel");
		browser.get("/organizations/import");
		ByteArrayOutputStream wrongHeaders = new ByteArrayOutputStream();
		try (XlsxWriter xlsx = XlsxWriter.open(wrongHeaders, "x", List.of("姓名", "电话"))) {
			xlsx.row(List.of("张三", "13800000000"));
		}
		assertThat(browser.postFile("/organizations/import", "x.xlsx", wrongHeaders.toByteArray(), Map.of()).body())
			.contains("只读取第一个工作表（“x”）", "与模板不符", "实际为 姓名、电话");
		browser.get("/organizations/import");
		assertThat(browser.postFile("/organizations/import", "x.xlsx", xlsx(), Map.of()).body()).contains("没有数据行");
		browser.get("/organizations/import");
		assertThat(read(browser.download("/organizations/import/template.xlsx")).get(0).get(1)).isEqualTo("乡镇街道商会");
		// one row over the limit is said as the limit, not as a file that is not Excel
		List<List<Object>> tooMany = new java.util.ArrayList<>();
		for (int i = 0; i <= 10_000; i++) {
			tooMany.add(row("超限商会" + i, "行业商会", "130102", county));
		}
		browser.get("/organizations/import");
		assertThat(browser.postFile("/organizations/import", "x.xlsx", xlsx(tooMany.toArray(new List[0])), Map.of()).body())
			.contains("一次最多导入 10,000 行").doesNotContain("不是有效的 Excel");
		assertThat(count()).isEqualTo(countBefore);
	}

	private long count() {
		return jdbc.sql("select count(*) from organization where parent_id = :c").param("c", county)
			.query(Long.class).single();
	}

	private static List<Object> row(String name, String kind, String region, long parent) {
		return List.of(name, kind, region, Long.toString(parent), "2019-03-01", "否", "", "党支部");
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

	private static List<Map<Integer, String>> read(byte[] xlsx) {
		List<Map<Integer, String>> rows = new ArrayList<>();
		FastExcel.read(new ByteArrayInputStream(xlsx), new cn.idev.excel.read.listener.ReadListener<Map<Integer, String>>() {
			@Override
			public void invoke(Map<Integer, String> row, cn.idev.excel.context.AnalysisContext context) {
				rows.add(new LinkedHashMap<>(row));
			}

			@Override
			public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
			}
		}).sheet().doRead();
		return rows;
	}

}
