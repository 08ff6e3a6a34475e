package org.chamberlink.welfare;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
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
 * The welfare pages and API as staff and a signed-out visitor meet them: the API writes a village,
 * a pairing, a project with payments and a campaign; the pages show them, a refused form comes
 * back with 422 and what was typed, the certificate is a PDF, and the public thank-you roll is
 * there only once published and names only donors who agreed.
 */
@IntegrationTest
@Tag("database")
class WelfarePagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	String token;

	WebSession staff;

	String township;

	@BeforeEach
	void plantTree() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("光彩页");
		token = tree.token(tree.county(), Role.STAFF);
		AccountPrincipal account = tree.account(tree.county(), Role.STAFF);
		staff = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130102%' order by code limit 1")
			.query(String.class).single();
	}

	@Test
	void staffWorkThroughTheApiAndSeeItOnThePages() {
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long first = MemberFixture.enterprise(port, chamberToken, tree.chamber(), "页甲企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		long second = MemberFixture.enterprise(port, chamberToken, tree.chamber(), "页乙企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		long village = Json.created(Api.post(port, "/api/v1/welfare/villages", token, "{\"orgId\":" + tree.county()
				+ ",\"townshipCode\":\"" + township + "\",\"name\":\"页村" + tree.tag() + "\",\"statCode\":\"" + township + "201\""
				+ ",\"reliefStatus\":\"KEY_SUPPORT\"}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/welfare/villages", token, "{\"orgId\":" + tree.county()
				+ ",\"townshipCode\":\"" + township + "\",\"name\":\"别村" + tree.tag() + "\",\"statCode\":\"" + township + "201\""
				+ ",\"reliefStatus\":\"OTHER\"}"), "statCode", "已有此统计用区划代码");
		long pairing = Json.created(Api.post(port, "/api/v1/welfare/pairings", token, "{\"orgId\":" + tree.county() + ",\"villageId\":"
				+ village + ",\"partyIds\":[" + first + "," + second + "],\"kinds\":[\"INDUSTRY\",\"CONSUMPTION\"]}"));
		long project = Json.created(Api.post(port, "/api/v1/welfare/pairings/" + pairing + "/projects", token,
				"{\"name\":\"冷库\",\"kind\":\"INDUSTRY\",\"committed\":\"50000\",\"peopleEmployed\":5}"));
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		Json.created(Api.post(port, "/api/v1/welfare/projects/" + project + "/payments", token,
				"{\"paidOn\":\"" + today + "\",\"amount\":\"30000\"}"));

		assertThat(staff.get("/welfare/villages").body()).contains("页村" + tree.tag(), "重点帮扶村");
		assertThat(staff.get("/welfare/pairings").body()).contains("页甲企业" + tree.tag(), "¥50,000.00", "¥30,000.00");
		assertThat(staff.get("/welfare/pairings/" + pairing).body()).contains("冷库", "产业帮扶", "消费帮扶");
		assertThat(staff.get("/welfare/projects/" + project).body()).contains("¥30,000.00").doesNotContain("data-testid=\"over-committed\"");
		String figures = staff.get("/figures/welfare").body();
		assertThat(figures).contains("data-testid=\"figure-enterprises\">2<", "data-testid=\"figure-villages\">1<",
				"data-testid=\"figure-delivered\">¥30,000.00<");
		// the same through the figures API (/api/v1), with the drill-down: the county's own level holds the pairing
		HttpResponse<String> delivered = Api.get(port, "/api/v1/organizations/" + tree.county() + "/figures/welfare.delivered", token);
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		assertThat(delivered.body()).contains("\"value\":{\"value\":3000000}", "{\"orgId\":" + tree.county() + ",\"orgName\":\""
				+ tree.countyName() + "\",\"own\":true,\"value\":{\"value\":3000000}}", "{\"orgId\":" + tree.chamber() + ",");
		assertThat(Api.get(port, "/api/v1/organizations/" + tree.county() + "/figures/welfare.enterprises", token).body())
			.contains("\"value\":{\"value\":2}");
		assertThat(Api.get(port, "/api/v1/organizations/" + tree.neighbourCounty() + "/figures/welfare.delivered", token).statusCode())
			.isEqualTo(404);

		// a refused form: the page again, 422, the message on the field, what was typed kept
		HttpResponse<String> refused = staff.postForm("/welfare/villages", Map.of("orgId", Long.toString(tree.county()),
				"townshipCode", township, "name", "页村" + tree.tag(), "statCode", "", "reliefStatus", "LIFTED"));
		Refusals.assertFormKept(refused, "name", "该乡镇已有同名村（社区）", "页村" + tree.tag(), township);
		HttpResponse<String> overpaid = staff.postForm("/welfare/projects/" + project + "/payments",
				Map.of("paidOn", today, "amount", "-3"));
		Refusals.assertStepRefused(overpaid, "amount", "必须大于零", "-3");
	}

	@Test
	void afterACampaignsEndPledgesAndReceiptsAreRefusedOnTheirDateField() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		String ended = today.minusDays(5).toString();
		long campaign = Json.created(Api.post(port, "/api/v1/welfare/campaigns", token, "{\"orgId\":" + tree.county()
				+ ",\"kind\":\"EDUCATION\",\"title\":\"已结束助学" + tree.tag() + "\",\"startsOn\":\"" + today.minusDays(30)
				+ "\",\"endsOn\":\"" + ended + "\"}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", token,
				"{\"donorName\":\"迟到的捐赠人\",\"money\":\"100\"}"), "pledgedOn", "已于 " + ended + " 结束");
		HttpResponse<String> late = staff.postForm("/welfare/campaigns/" + campaign + "/pledges",
				Map.of("donorName", "迟到的捐赠人", "money", "100", "pledgedOn", today.toString()));
		Refusals.assertStepRefused(late, "pledgedOn", "此后不能再认捐或收款", "迟到的捐赠人", today.toString());
		long pledge = Json.created(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", token,
				"{\"donorName\":\"按时的捐赠人\",\"money\":\"100\",\"pledgedOn\":\"" + today.minusDays(10) + "\"}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/welfare/pledges/" + pledge + "/receipts", token, "{\"money\":\"100\"}"),
				"receivedOn", "已于 " + ended + " 结束");
		HttpResponse<String> lateReceipt = staff.postForm("/welfare/campaigns/" + campaign + "/pledges/" + pledge + "/receipts",
				Map.of("money", "100", "receivedOn", today.toString()));
		Refusals.assertStepRefused(lateReceipt, "receivedOn", "已于 " + ended + " 结束", "100");
		assertThat(Api.get(port, "/api/v1/welfare/campaigns/" + campaign + "/receipts", token).body()).isEqualTo("[]");
		Json.created(Api.post(port, "/api/v1/welfare/pledges/" + pledge + "/receipts", token,
				"{\"money\":\"100\",\"receivedOn\":\"" + ended + "\"}"));
	}

	@Test
	void aDonorsCertificateIsAPdfAndTheThankYouRollIsPublicOnlyOncePublished() {
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long donor = MemberFixture.enterprise(port, chamberToken, tree.chamber(), "爱心企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		long campaign = Json.created(Api.post(port, "/api/v1/welfare/campaigns", token, "{\"orgId\":" + tree.county()
				+ ",\"kind\":\"DISASTER\",\"title\":\"抗震救灾" + tree.tag() + "\"}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", token,
				"{\"partyId\":" + donor + ",\"money\":\"0\"}"), "money", "必须大于零");
		long pledge = Json.created(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", token,
				"{\"partyId\":" + donor + ",\"money\":\"2000\",\"consent\":true}"));
		long quiet = Json.created(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", token,
				"{\"donorName\":\"匿名人士" + tree.tag() + "\",\"money\":\"800\",\"consent\":false}"));
		assertThat(Api.post(port, "/api/v1/welfare/pledges/999999999/receipts", token, "{\"money\":\"1\"}").statusCode()).isEqualTo(404);
		long receipt = Json.created(Api.post(port, "/api/v1/welfare/pledges/" + pledge + "/receipts", token, "{\"money\":\"2000\"}"));
		Json.created(Api.post(port, "/api/v1/welfare/pledges/" + quiet + "/receipts", token, "{\"money\":\"800\"}"));

		byte[] pdf = staff.download("/welfare/receipts/" + receipt + "/certificate.pdf");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(staff.get("/welfare/campaigns/" + campaign).body()).contains("爱心企业" + tree.tag(), "¥2,800.00");
		// totals by donor across the county's campaigns and by organisation, on the list and in the API
		assertThat(Api.get(port, "/api/v1/welfare/donations/by-donor?orgId=" + tree.county(), token).body())
			.contains("{\"donorName\":\"爱心企业" + tree.tag() + "\",\"moneyFen\":200000,\"goodsFen\":0}");
		assertThat(Api.get(port, "/api/v1/welfare/donations/by-organization?orgId=" + tree.county(), token).body())
			.contains("\"moneyFen\":280000");
		assertThat(Api.get(port, "/api/v1/welfare/donations/by-donor?orgId=" + tree.neighbourCounty(), token).statusCode()).isEqualTo(404);
		assertThat(staff.get("/welfare/campaigns").body()).contains("data-testid=\"donor-totals-within\"", "爱心企业" + tree.tag());

		WebSession visitor = new WebSession(port);
		assertThat(visitor.get("/thanks/" + campaign).statusCode()).as("not published yet").isEqualTo(404);
		assertThat(visitor.get("/welfare/campaigns/" + campaign).statusCode()).as("staff pages stay signed in").isEqualTo(302);
		staff.postForm("/welfare/campaigns/" + campaign + "/roll", Map.of("published", "true"));
		HttpResponse<String> roll = visitor.get("/thanks/" + campaign);
		assertThat(roll.statusCode()).isEqualTo(200);
		assertThat(roll.body()).contains("抗震救灾" + tree.tag(), "爱心企业" + tree.tag(), "¥2,000.00")
			.doesNotContain("匿名人士" + tree.tag(), "¥800.00");
		assertThat(visitor.get("/welfare/receipts/" + receipt + "/certificate.pdf").statusCode()).isEqualTo(302);
	}

	@Test
	void villagesComeFromExcelWithAReportPerRowAndNothingWrittenForABadFileUnlessAsked() {
		byte[] sheet = xlsx(java.util.List.of(java.util.List.of(township, "导入甲村" + tree.tag(), "", "脱贫村"),
				java.util.List.of(township, "导入乙村" + tree.tag(), "12345", "重点帮扶村"),
				java.util.List.of("130104001", "邻区村" + tree.tag(), "", "其他")));
		HttpResponse<String> strict = staff.postFile("/welfare/villages/import", "villages.xlsx", sheet,
				Map.of("orgId", Long.toString(tree.county())));
		assertThat(strict.statusCode()).isEqualTo(200);
		assertThat(strict.body()).contains("读取 3 行，添加 0 个村（社区）", "第 3 行：统计用区划代码：统计用区划代码为 12 位数字", "第 4 行");
		assertThat(villagesNamed("导入")).isZero();
		HttpResponse<String> lenient = staff.postFile("/welfare/villages/import", "villages.xlsx", sheet,
				Map.of("orgId", Long.toString(tree.county()), "goodRowsOnly", "true"));
		assertThat(lenient.body()).contains("读取 3 行，添加 1 个村（社区）");
		assertThat(villagesNamed("导入甲村")).isEqualTo(1);
		// the same file again: the good row is now a duplicate
		HttpResponse<String> again = staff.postFile("/welfare/villages/import", "villages.xlsx", sheet,
				Map.of("orgId", Long.toString(tree.county()), "goodRowsOnly", "true"));
		assertThat(again.body()).contains("添加 0 个村（社区）", "该乡镇已有同名村（社区）");
		assertThat(villagesNamed("导入")).isEqualTo(1);
	}

	private long villagesNamed(String prefix) {
		return jdbc.sql("select count(*) from welfare_village where name like :n").param("n", prefix + "%" + tree.tag())
			.query(Long.class).single();
	}

	private static byte[] xlsx(java.util.List<java.util.List<String>> rows) {
		var out = new java.io.ByteArrayOutputStream();
		try (var writer = org.chamberlink.shared.XlsxWriter.open(out, "村（社区）", VillageImport.HEADERS)) {
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

}
