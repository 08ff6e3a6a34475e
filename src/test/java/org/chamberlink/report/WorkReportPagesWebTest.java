package org.chamberlink.report;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.SignedIn;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual work report's pages and API: a chamber writes its sections (a refused text comes back
 * kept, 422), downloads the .docx with its figures and the PDF; the API reads and writes the same
 * sections; the templates page is the system administrator's, and a template naming an unknown
 * placeholder comes back naming it; a neighbour finds nothing.
 */
@IntegrationTest
@Tag("database")
class WorkReportPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	WebSession session(AccountPrincipal account) {
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void aChamberWritesItsSectionsAndDownloadsTheReportTheAdministratorReplacesTemplates() throws Exception {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("报告页");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, token, tree.chamber(), "报告页企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		long id = Json.created(Api.post(port, "/api/v1/reports/returns", token, "{\"year\":" + ReportPagesWebTest.year() + "}"));
		WebSession chamber = session(tree.account(tree.chamber(), Role.CHAMBER_ADMIN));

		assertThat(chamber.get("/reports/returns/" + id).body()).contains("data-testid=\"work-report\"", "<details");
		String page = chamber.get("/reports/returns/" + id + "/work-report").body();
		assertThat(page).contains("主要成效", "经验体会", "存在的问题", "下一步目标", "name=\"achievements\"", "data-testid=\"work-report-docx\"");

		Refusals.assertStepRefused(chamber.postForm("/reports/returns/" + id + "/work-report",
				ReportPagesWebTest.form("achievements", "走访企业", "problems", "问".repeat(20_001))), "problems", "最多 20,000 个字", "走访企业");
		assertThat(chamber.postForm("/reports/returns/" + id + "/work-report",
				ReportPagesWebTest.form("achievements", "走访会员企业 60 家", "problems", "")).statusCode()).isEqualTo(302);
		assertThat(chamber.get("/reports/returns/" + id + "/work-report").body()).contains("走访会员企业 60 家");

		byte[] docx = chamber.download("/reports/returns/" + id + "/work-report/docx");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			assertThat(extractor.getText()).contains("会员共1个，其中企业会员1个", "走访会员企业 60 家", "长安区报告页商会" + tree.tag());
		}
		assertThat(new String(chamber.download("/reports/returns/" + id + "/work-report/pdf"), 0, 5,
				java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		// the API: the same sections, a refusal naming the section
		assertThat(Api.put(port, "/api/v1/reports/returns/" + id + "/sections", token, "{\"nextGoals\":\"建设商会之家\"}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> sections = Api.get(port, "/api/v1/reports/returns/" + id + "/sections", token);
		assertThat(Json.<String>read(sections.body(), "$.nextGoals")).isEqualTo("建设商会之家");
		assertThat(Json.<String>read(sections.body(), "$.achievements")).isEqualTo("走访会员企业 60 家");
		Refusals.assertApiRefused(Api.put(port, "/api/v1/reports/returns/" + id + "/sections", token,
				"{\"experience\":\"" + "问".repeat(20_001) + "\"}"), "experience", "最多");
		assertThat(Api.get(port, "/api/v1/reports/returns/" + id + "/work-report/docx", token).statusCode()).isEqualTo(200);

		// a neighbour finds none of it
		String neighbour = tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/reports/returns/" + id + "/sections", neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/reports/returns/" + id + "/work-report/docx", neighbour).statusCode()).isEqualTo(404);
		assertThat(session(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN)).get("/reports/returns/" + id + "/work-report")
			.statusCode()).isEqualTo(404);

		// the templates: the system administrator's page only
		assertThat(chamber.get("/reports/templates").statusCode()).isEqualTo(403);
		AccountPrincipal admin = SignedIn.asSystemAdministrator(accountManagement);
		SignedIn.signOut();
		WebSession system = session(admin);
		String templates = system.get("/reports/templates").body();
		assertThat(templates).contains("县（区）工商联", "默认模板", "data-testid=\"template-download\"");
		byte[] template = system.download("/reports/templates/COUNTY/docx");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(template))) {
			assertThat(WorkReportTemplate.placeholders(document)).contains("organisation", "org.chambers", "section.achievements");
		}
		HttpResponse<String> refused = system.postFile("/reports/templates/COUNTY", "county.docx",
				WorkReportTest.docx("{{organisation}}{{members.total}}"), Map.of());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(refused.body(), "file")).contains("未知的占位符 {{members.total}}");
		assertThat(system.get("/reports/templates/NOWHERE/docx").statusCode()).isEqualTo(404);
	}

}
