package org.chamberlink.investment;

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
 * The investment pages and API: a project created and moved through the API shows on the list,
 * its page (stage history, documents as downloads) and the figures; a refused form comes back with
 * 422 and what was typed; a skipped stage is refused with problem details; the neighbour gets 404.
 */
@IntegrationTest
@Tag("database")
class InvestmentPagesWebTest {

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

	@BeforeEach
	void plantTree() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("招商页");
		token = tree.token(tree.county(), Role.STAFF);
		AccountPrincipal account = tree.account(tree.county(), Role.STAFF);
		staff = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void aProjectWorkedThroughTheApiShowsOnThePages() {
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		long project = Json.created(Api.post(port, "/api/v1/investment/projects", token, "{\"orgId\":" + tree.county()
				+ ",\"name\":\"页项目" + tree.tag() + "\",\"industryCode\":\"38\",\"investorName\":\"浙江某集团\",\"originCode\":\"33\""
				+ ",\"planned\":\"80000000\"}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/investment/projects/" + project + "/stage", token,
				"{\"stage\":\"SIGNED\",\"contracted\":\"1\"}"), "stage", "下一阶段是“洽谈”");
		Api.post(port, "/api/v1/investment/projects/" + project + "/stage", token, "{\"stage\":\"NEGOTIATING\",\"movedOn\":\"" + today + "\"}");
		HttpResponse<String> signed = Api.post(port, "/api/v1/investment/projects/" + project + "/stage", token,
				"{\"stage\":\"SIGNED\",\"movedOn\":\"" + today + "\",\"contracted\":\"75,000,000\"}");
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/investment/projects/" + project + "/history", token).body()).contains("LEAD", "NEGOTIATING",
				"SIGNED");
		assertThat(staff.postFile("/investment/projects/" + project + "/documents", "意向书.txt",
				"意向".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()).statusCode()).isEqualTo(302);

		assertThat(staff.get("/investment/projects").body()).contains("页项目" + tree.tag(), "浙江省", "¥75,000,000.00", "签约");
		String page = staff.get("/investment/projects/" + project).body();
		assertThat(page).contains("data-testid=\"project-contracted\">¥75,000,000.00<", "线索", "洽谈", "推进到“开工”", "意向书.txt", "download");
		String figures = staff.get("/figures/investment").body();
		assertThat(figures).contains("data-testid=\"figure-signed\">1<", "data-testid=\"figure-contracted\">¥75,000,000.00<", "浙江省");

		HttpResponse<String> refused = staff.postForm("/investment/projects", Map.of("orgId", Long.toString(tree.county()), "name",
				"坏项目", "industryCode", "38", "investorName", "某公司", "originCode", "33", "planned", "8千万"));
		Refusals.assertFormKept(refused, "planned", "不能写“8千万”", "坏项目", "某公司", "8千万");
		Refusals.assertStepRefused(staff.postForm("/investment/projects/" + project + "/stage", Map.of("stage", "STARTED", "movedOn",
				"2000-01-01")), "movedOn", "早于上一阶段", "2000-01-01");

		String neighbour = tree.token(tree.neighbourCounty(), Role.STAFF);
		assertThat(Api.get(port, "/api/v1/investment/projects/" + project, neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/investment/projects/" + project + "/stage", neighbour, "{}").statusCode()).isEqualTo(404);
	}


	@Test
	void documentsAreUploadedAndDownloadedThroughTheApi() {
		long project = Json.created(Api.post(port, "/api/v1/investment/projects", token, "{\"orgId\":" + tree.county()
				+ ",\"name\":\"文件项目" + tree.tag() + "\",\"industryCode\":\"38\",\"investorName\":\"某集团\",\"originCode\":\"33\""
				+ ",\"planned\":\"1000000\"}"));
		byte[] content = "投资意向书".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> attached = Api.postFile(port, "/api/v1/investment/projects/" + project + "/documents", token, "意向书.pdf",
				content);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		assertThat(attached.body()).contains("意向书.pdf");
		String location = attached.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/api/v1/investment/projects/" + project + "/documents/");
		HttpResponse<String> download = Api.get(port, location, token);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("投资意向书");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(Api.get(port, "/api/v1/investment/projects/" + project + "/documents", token).body()).contains("意向书.pdf");

		// an empty file is refused on the field, nothing written; a neighbour sees neither the upload nor the download
		Refusals.assertApiRefused(Api.postFile(port, "/api/v1/investment/projects/" + project + "/documents", token, "空.pdf",
				new byte[0]), "file", "");
		String neighbour = tree.token(tree.neighbourCounty(), Role.STAFF);
		assertThat(Api.postFile(port, "/api/v1/investment/projects/" + project + "/documents", neighbour, "x.pdf", content).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, location, neighbour).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from investment_document where project_id = :p").param("p", project).query(Long.class)
			.single()).isEqualTo(1);
	}

}
