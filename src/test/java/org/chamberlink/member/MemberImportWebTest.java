package org.chamberlink.member;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.MemberWorkbooks;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member import as a chamber's staff meet it: a bad row stops the whole file and comes back
 * in the error report, the fixed file imports, the same file again changes nothing, and "import
 * the good rows" says which rows it skipped. Malformed files get a clear message.
 */
@IntegrationTest
@Tag("database")
class MemberImportWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long chamber;

	WebSession staff;

	@BeforeEach
	void chamberWithStaff() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "导入会员测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区电子商务商会", "130102", county);
		var user = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		staff = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		staff.get("/members/import");
	}

	@Test
	void aBadRowStopsTheFileTheFixedFileImportsAndAgainChangesNothing() {
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			rows.add(MemberWorkbooks.enterprise("电商企业" + i, MemberFixture.creditCode(), MemberFixture.phone()));
		}
		rows.add(MemberWorkbooks.person("赵丽", MemberFixture.identityNumber(), MemberFixture.phone()));
		List<Object> badCode = new ArrayList<>(rows.get(3));
		badCode.set(2, "91130102MA0000000X");
		rows.set(3, badCode);
		List<Object> badDate = new ArrayList<>(rows.get(7));
		badDate.set(17, "去年");
		rows.set(7, badDate);
		rows.add(rows.get(0));

		Map<String, Object> job = runImport(MemberWorkbooks.xlsx(rows), false);
		assertThat(job.get("written")).isEqualTo(false);
		assertThat(job.get("error_rows")).isEqualTo(3);
		assertThat(memberships()).isZero();
		List<Map<Integer, String>> report = MemberWorkbooks.read(staff.download("/members/jobs/" + job.get("id") + "/file"));
		assertThat(report).hasSize(22);
		assertThat(report.get(0).get(18)).isNull();
		assertThat(report.get(3).get(18)).contains("统一社会信用代码", "校验码");
		assertThat(report.get(7).get(18)).contains("入会日期");
		assertThat(report.get(21).get(18)).contains("与第 2 行重复");

		rows.set(3, MemberWorkbooks.enterprise("电商企业3", MemberFixture.creditCode(), MemberFixture.phone()));
		rows.set(7, MemberWorkbooks.enterprise("电商企业7", MemberFixture.creditCode(), ""));
		rows.remove(21);
		byte[] fixed = MemberWorkbooks.xlsx(rows);
		Map<String, Object> imported = runImport(fixed, false);
		assertThat(imported.get("written")).isEqualTo(true);
		assertThat(imported.get("parties_created")).isEqualTo(21);
		assertThat(memberships()).isEqualTo(21);
		assertThat(jdbc.sql("select count(*) from membership m join party p on p.id = m.party_id where m.org_id = :org "
				+ "and p.kind = 'PERSON' and m.role = 'DIRECTOR' and m.tier = 'CLOSE' and p.id_number_masked is not null "
				+ "and p.party_member").param("org", chamber).query(Long.class).single()).isEqualTo(1);

		Map<String, Object> again = runImport(fixed, false);
		assertThat(again.get("parties_created")).isEqualTo(0);
		assertThat(again.get("unchanged_rows")).isEqualTo(21);
		assertThat(memberships()).isEqualTo(21);
	}

	@Test
	void goodRowsOnlySaysWhichRowsWereSkipped() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(MemberWorkbooks.enterprise("好企业甲", MemberFixture.creditCode(), MemberFixture.phone()));
		rows.add(MemberWorkbooks.person("钱多多", "130102196001011235", "110"));
		rows.add(MemberWorkbooks.enterprise("好企业乙", MemberFixture.creditCode(), MemberFixture.phone()));
		Map<String, Object> job = runImport(MemberWorkbooks.xlsx(rows), true);
		assertThat(job.get("written")).isEqualTo(true);
		assertThat(job.get("skipped_rows")).isEqualTo("3");
		assertThat((String) job.get("message")).contains("新增会员 2 个", "第 3 行");
		assertThat(memberships()).isEqualTo(2);
		String page = staff.get("/members/jobs/" + job.get("id")).body();
		assertThat(page).contains("第 3 行", "下载错误报告");
	}

	/** Issue 14: a day the calendar does not have is refused with its row named, not made 2023-02-28. */
	@Test
	void anImpossibleDateAndAnUnknownIndustryAreRefusedByRowNotByJob() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(MemberWorkbooks.enterprise("好企业丙", MemberFixture.creditCode(), MemberFixture.phone()));
		List<Object> february30 = new ArrayList<>(MemberWorkbooks.enterprise("二月三十日企业", MemberFixture.creditCode(),
				MemberFixture.phone()));
		february30.set(17, "2023-02-30");
		rows.add(february30);
		List<Object> industry = new ArrayList<>(MemberWorkbooks.person("行业九九", MemberFixture.identityNumber(),
				MemberFixture.phone()));
		industry.set(5, "99");
		rows.add(industry);
		Map<String, Object> job = runImport(MemberWorkbooks.xlsx(rows), true);
		assertThat(job.get("written")).isEqualTo(true);
		assertThat((String) job.get("message")).contains("新增会员 1 个", "有误跳过 2 行（第 3、4 行）");
		assertThat(memberships()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from membership where joined_on = date '2023-02-28'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aFileAsPeopleTypeItIsReadAsTheyMeantAndTheRowsSaySo() throws Exception {
		String code = MemberFixture.creditCode();
		String phone = MemberFixture.phone();
		var out = new java.io.ByteArrayOutputStream();
		// written as Excel and LibreOffice write a sheet people filled in: real date cells shown in Chinese
		// and as 5/1/23, an industry code typed as the number 5, full-width digits, spaces of every kind
		org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
		org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("会员");
		for (int column = 0; column < MemberImport.HEADERS.size(); column++) {
			sheet.value(0, column, MemberImport.HEADERS.get(column));
		}
		List<Object> first = MemberWorkbooks.enterprise("全角企业", "\u00A0" + fullWidth(code) + "\u3000", fullWidth(phone.substring(0, 3))
				+ "\u3000" + fullWidth(phone.substring(3)));
		List<Object> second = MemberWorkbooks.enterprise("日期企业", MemberFixture.creditCode(), MemberFixture.phone());
		for (int column = 0; column < first.size(); column++) {
			sheet.value(1, column, (String) first.get(column));
			sheet.value(2, column, (String) second.get(column));
		}
		sheet.value(1, 5, 5);
		sheet.value(1, 17, java.time.LocalDate.of(2023, 5, 1));
		sheet.style(1, 17).format("yyyy\"年\"m\"月\"d\"日\"").set();
		sheet.value(2, 17, java.time.LocalDate.of(2023, 5, 2));
		sheet.style(2, 17).format("m/d/yy").set();
		workbook.finish();

		Map<String, Object> job = runImport(out.toByteArray(), false);
		assertThat(job.get("written")).isEqualTo(true);
		assertThat((String) job.get("message")).contains("新增会员 2 个", "有 1 行的代码或号码含全角字符、空格或少了前导 0（第 2 行）");
		Map<String, Object> stored = jdbc.sql("""
				select p.credit_code, p.industry_code, m.joined_on, c.phone_masked from party p
				join membership m on m.party_id = p.id join party_contact c on c.party_id = p.id and c.org_id = m.org_id
				where p.name = '全角企业' and m.org_id = :org
				""").param("org", chamber).query().singleRow();
		assertThat(stored).containsEntry("credit_code", code).containsEntry("industry_code", "05")
			.containsEntry("phone_masked", phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(stored.get("joined_on").toString()).isEqualTo("2023-05-01");
		assertThat(jdbc.sql("select m.joined_on from membership m join party p on p.id = m.party_id "
				+ "where p.name = '日期企业' and m.org_id = :org").param("org", chamber).query(java.sql.Date.class).single()
			.toString()).isEqualTo("2023-05-02");
	}

	private static String fullWidth(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.chars().forEach(c -> wide.append(Character.isLetterOrDigit(c) ? (char) (c + 0xFEE0) : (char) c));
		return wide.toString();
	}

	@Test
	void malformedFilesGetAClearMessage() {
		assertThat(failure("不是Excel".getBytes())).contains("不是有效的 Excel");
		byte[] wrongHeaders = org.chamberlink.support.MemberWorkbooks.xlsx(List.of());
		assertThat(failure(wrongHeaders)).contains("文件中没有数据行");
		var out = new java.io.ByteArrayOutputStream();
		try (var writer = org.chamberlink.shared.XlsxWriter.open(out, "会员", List.of("姓名", "电话"))) {
			writer.row(List.of("张三", "13900000000"));
		}
		assertThat(failure(out.toByteArray())).contains("只读取第一个工作表（“会员”）", "与模板不符", "实际为 姓名、电话");
	}

	private String failure(byte[] file) {
		var response = staff.postFile("/members/import", "members.xlsx", file, Map.of("orgId", Long.toString(chamber)));
		Long id = Long.valueOf(staff.location(response).replaceAll(".*/", ""));
		Map<String, Object> job = awaitJob(id);
		assertThat(job.get("status")).isEqualTo("FAILED");
		return staff.get("/members/jobs/" + id).body();
	}

	private Map<String, Object> runImport(byte[] file, boolean goodRows) {
		var response = staff.postFile("/members/import", "members.xlsx", file,
				goodRows ? Map.of("orgId", Long.toString(chamber), "importGoodRows", "true")
						: Map.of("orgId", Long.toString(chamber)));
		String location = staff.location(response);
		assertThat(location).as(response.body()).contains("/members/jobs/");
		Map<String, Object> job = awaitJob(Long.valueOf(location.replaceAll(".*/", "")));
		assertThat(job.get("status")).as(String.valueOf(job.get("message"))).isEqualTo("DONE");
		return job;
	}

	private Map<String, Object> awaitJob(Long id) {
		return await("import job " + id).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
				() -> jdbc.sql("select id, status, written, error_rows, parties_created, unchanged_rows, "
						+ "skipped_rows, message from member_job where id = :id").param("id", id).query().singleRow(),
				job -> "DONE".equals(job.get("status")) || "FAILED".equals(job.get("status")));
	}

	private long memberships() {
		return jdbc.sql("select count(*) from membership where org_id = :org").param("org", chamber)
			.query(Long.class).single();
	}

}
