package org.chamberlink.report;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return's pages and API: a chamber opens it, sees pre-filled cells and the records behind one,
 * a refused save keeps what was typed and names the cell (422, like the API's problem), the
 * workbook in the printed layout; the county's board, its return with a reason and its acceptance;
 * a read-only account sees no action.
 */
@IntegrationTest
@Tag("database")
class ReportPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	WebSession chamber;

	WebSession county;

	String chamberToken;

	@BeforeEach
	void plant() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("年报页");
		chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, chamberToken, tree.chamber(), "年报页企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		chamber = session(tree.account(tree.chamber(), Role.CHAMBER_ADMIN));
		county = session(tree.account(tree.county(), Role.FEDERATION_ADMIN));
	}

	WebSession session(AccountPrincipal account) {
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	static int year() {
		return LocalDate.now(ChinaTime.ZONE).getYear();
	}

	static Map<String, String> form(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void aChamberFillsItsReturnOnThePagesAndTheCountyReviewsIt() throws IOException {
		// a year is written as a year: 2026, never 2,026
		assertThat(chamber.get("/reports?year=" + year()).body()).contains("开始填报", "data-testid=\"open-return\"",
				"本单位 " + year() + " 年的年报尚未开始");
		HttpResponse<String> opened = chamber.postForm("/reports/returns", form("year", Integer.toString(year()), "asOf", ""));
		assertThat(opened.statusCode()).isEqualTo(302);
		String path = chamber.location(opened);
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		String page = chamber.get(path).body();
		assertThat(page).contains(" " + year() + " 年统计年报", "表一 组织情况", "基层商会总数", "查看台账", "data-testid=\"cells-form\"", "name=\"cell.org.staff\"",
				"name=\"reason.mem.total\"");

		// the records behind the member count: the figure at the chamber, and the module's own page
		String behind = chamber.get("/reports/returns/" + id + "/cells/mem.total").body();
		assertThat(behind).contains("会员总数", "data-testid=\"behind-total\"", "/figures/members?org=" + tree.chamber());
		assertThat(chamber.get("/reports/returns/" + id + "/cells/nonsense").statusCode()).isEqualTo(404);

		// the parts of the staff do not add up: the page comes back with the typed values and the message on the cell
		HttpResponse<String> refused = chamber.postForm("/reports/returns/" + id + "/cells", form("cell.org.staff", "5",
				"cell.org.staffFullTime", "3", "cell.org.staffPartTime", "3", "cell.org.staffGovFunded", "1", "reason.mem.total", "核对"));
		Refusals.assertStepRefused(refused, "cell.org.staff", "与其分项之和（6）不一致", "5", "3", "核对");
		// the API names the same cell
		Refusals.assertApiRefused(Api.put(port, "/api/v1/reports/returns/" + id + "/cells", chamberToken,
				"{\"values\":{\"org.staff\":\"5\",\"org.staffFullTime\":\"3\",\"org.staffPartTime\":\"3\"}}"), "cell.org.staff",
				"与其分项之和");
		HttpResponse<String> saved = chamber.postForm("/reports/returns/" + id + "/cells", form("cell.org.staff", "5",
				"cell.org.staffFullTime", "3", "cell.org.staffPartTime", "2", "cell.org.staffGovFunded", "1", "cell.org.fiveHas", "1",
				"cell.mem.joined", "1", "cell.mem.left", "0"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(chamber.get(path).body()).contains("已保存，交叉校验通过", "交叉校验全部通过");

		// the workbook: a sheet per table, merged title with the organisation and year, the units
		String workbook = unzipped(chamber.download("/reports/returns/" + id + "/workbook"));
		assertThat(workbook).contains("统计年报", "表一 组织情况", "表八 评比达标", "长安区年报页商会", Integer.toString(year()), "mergeCell",
				"工作人员", "人");

		byte[] pdf = chamber.download("/reports/returns/" + id + "/pdf");
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		// submitted; the county's board shows it, a return needs a reason, then the county accepts
		assertThat(chamber.postForm("/reports/returns/" + id + "/submit", form()).statusCode()).isEqualTo(302);
		String board = county.get("/reports?year=" + year()).body();
		assertThat(board).contains("data-testid=\"report-board\"", "长安区年报页商会", "已报送");
		Refusals.assertStepRefused(county.postForm("/reports/returns/" + id + "/return", form("reason", " ")), "reason", "请填写退回原因");
		assertThat(county.postForm("/reports/returns/" + id + "/return", form("reason", "请核实兼职人数")).statusCode()).isEqualTo(302);
		assertThat(chamber.get(path).body()).contains("请核实兼职人数", "已退回");
		assertThat(chamber.postForm("/reports/returns/" + id + "/submit", form()).statusCode()).isEqualTo(302);
		assertThat(county.postForm("/reports/returns/" + id + "/accept", form()).statusCode()).isEqualTo(302);
		String accepted = county.get(path).body();
		assertThat(accepted).contains("已接收", "data-testid=\"snapshot\"").doesNotContain("data-testid=\"accept\"");
		assertThat(chamber.get(path).body()).doesNotContain("name=\"cell.org.staff\"");

		// the county's own return over the API consolidates it
		String countyToken = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		HttpResponse<String> countyReturn = Api.post(port, "/api/v1/reports/returns", countyToken, "{\"year\":" + year() + "}");
		assertThat(countyReturn.statusCode()).isEqualTo(201);
		assertThat(Json.<java.util.List<Object>>read(countyReturn.body(), "$.tables[0].cells[?(@.key == 'org.chambers')].recorded"))
			.containsExactly(1);
		assertThat(Json.<java.util.List<Object>>read(countyReturn.body(), "$.tables[0].cells[?(@.key == 'org.staff')].value"))
			.containsExactly(5);

		// a read-only account opens the return and sees no action; a neighbour county does not find it
		WebSession auditor = session(tree.account(tree.county(), Role.AUDITOR));
		String read = auditor.get(path).body();
		assertThat(read).contains("基层商会总数").doesNotContain("data-testid=\"accept\"").doesNotContain("data-testid=\"save\"");
		assertThat(session(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN)).get(path).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/reports/returns/" + id, tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN))
			.statusCode()).isEqualTo(404);
	}

	private static String unzipped(byte[] xlsx) throws IOException {
		StringBuilder text = new StringBuilder();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("return", ".xlsx");
		java.nio.file.Files.write(file, xlsx);
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		// the writer escapes characters beyond ASCII as character references
		return java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text).replaceAll(match -> java.util.regex.Matcher
			.quoteReplacement(Character.toString(Integer.parseInt(match.group(2), match.group(1).isEmpty() ? 10 : 16))));
	}

}
