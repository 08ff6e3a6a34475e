package org.chamberlink.proposal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
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
 * The proposal API and pages: a chamber's suggestion through the API (a blank problem 422 with
 * the field), the federation's merge (a person who is no CPPCC member refused), the answer and
 * adoption, the steps; the pages show it, a refused form comes back with 422 and what was typed,
 * chamber staff meet no merge form, the member's portal shows "已采纳", and the neighbour gets 404.
 */
@IntegrationTest
@Tag("database")
class ProposalPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSuggestionThroughTheApiBecomesAnAdoptedProposalOnThePages() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("提案页");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long submitter = MemberFixture.person(port, chamberToken, tree.chamber(), "页建言人" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		long cppcc = ProposalWorkflowTest.holder(port, chamberToken, tree.chamber(), "页委员" + tree.tag(), "市政协委员");
		String staffToken = tree.token(tree.chamber(), Role.STAFF);

		Refusals.assertApiRefused(Api.post(port, "/api/v1/proposals/suggestions", staffToken, "{\"orgId\":" + tree.chamber()
				+ ",\"topic\":\"TAX_FEES\",\"problem\":\" \",\"suggestion\":\"减免\"}"), "problem", "");
		long suggestion = Json.created(Api.post(port, "/api/v1/proposals/suggestions", staffToken, "{\"orgId\":" + tree.chamber()
				+ ",\"topic\":\"TAX_FEES\",\"problem\":\"小微企业税费负担重\",\"suggestion\":\"延续减免政策\"}"));
		assertThat(Api.post(port, "/api/v1/proposals", staffToken, "{}").statusCode()).isEqualTo(403);

		String federation = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/proposals/holders?role=CPPCC", federation).body()).contains("页委员" + tree.tag());
		Refusals.assertApiRefused(Api.post(port, "/api/v1/proposals", federation, "{\"orgId\":" + tree.county()
				+ ",\"title\":\"关于减轻税费的提案\",\"topic\":\"TAX_FEES\",\"holderRole\":\"CPPCC\",\"holderPartyId\":" + submitter
				+ ",\"suggestionIds\":[" + suggestion + "]}"), "holderPartyId", "政协委员");
		long proposal = Json.created(Api.post(port, "/api/v1/proposals", federation, "{\"orgId\":" + tree.county()
				+ ",\"title\":\"关于减轻税费的提案\",\"topic\":\"TAX_FEES\",\"holderRole\":\"CPPCC\",\"holderPartyId\":" + cppcc
				+ ",\"suggestionIds\":[" + suggestion + "]}"));
		HttpResponse<String> answered = Api.post(port, "/api/v1/proposals/" + proposal + "/answer", federation,
				"{\"department\":\"市税务局\",\"answer\":\"已延续执行\"}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(Json.text(answered.body(), "$.status")).isEqualTo("ANSWERED");
		assertThat(Json.text(Api.post(port, "/api/v1/proposals/" + proposal + "/adopt", federation, "{}").body(), "$.status"))
			.isEqualTo("ADOPTED");
		assertThat(Api.get(port, "/api/v1/proposals/" + proposal + "/steps", federation).body()).contains("SUBMITTED", "ANSWERED",
				"ADOPTED");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/proposals/" + proposal + "/instruct", federation, "{\"note\":\"x\"}"),
				"instructedOn", "");
		assertThat(Api.get(port, "/api/v1/proposals/" + proposal, tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN))
			.statusCode()).isEqualTo(404);

		WebSession staff = WebSession.signedIn(port, tree.account(tree.chamber(), Role.STAFF).getUsername(), TestAccounts.PASSWORD);
		HttpResponse<String> page = staff.get("/proposals/suggestions");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("小微企业税费负担重").doesNotContain("data-testid=\"merge-form\"");
		Refusals.assertStepRefused(staff.postForm("/proposals/suggestions", Map.of("orgId", Long.toString(tree.chamber()), "topic",
				"TALENT", "problem", "", "suggestion", "引进人才补贴")), "problem", "必填", "引进人才补贴");

		WebSession county = WebSession.signedIn(port, tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(county.get("/proposals/suggestions").body()).contains("data-testid=\"merge-form\"");
		Refusals.assertStepRefused(county.postForm("/proposals", Map.of("title", "空提案", "topic", "TALENT", "holderRole", "CPPCC",
				"holderPartyId", Long.toString(cppcc))), "suggestionIds", "请至少选择一条建言", "空提案");
		HttpResponse<String> detail = county.get("/proposals/" + proposal);
		assertThat(detail.body()).contains("关于减轻税费的提案", "市税务局", "已采纳", "页委员" + tree.tag());
		assertThat(county.get("/figures/proposals").body()).contains("data-testid=\"proposal-topics\"");

		var memberAccount = CaseFixture.memberAccount(accountManagement, jdbc, submitter);
		WebSession member = WebSession.signedIn(port, memberAccount.getUsername(), TestAccounts.PASSWORD);
		assertThat(member.postForm("/portal/suggestions", Map.of("orgId", Long.toString(tree.chamber()), "topic", "FINANCING",
				"problem", "贷款难", "suggestion", "设立转贷基金")).statusCode()).isEqualTo(302);
		assertThat(member.get("/portal/suggestions").body()).contains("贷款难", "尚未纳入提案");
		assertThat(member.get("/proposals/suggestions").statusCode()).isEqualTo(403);
	}


	@Test
	void theAnswerDocumentIsUploadedAndDownloadedThroughTheApi() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("提案文件");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long deputy = ProposalWorkflowTest.holder(port, chamberToken, tree.chamber(), "文件代表" + tree.tag(), "区人大代表");
		String staffToken = tree.token(tree.chamber(), Role.STAFF);
		long suggestion = Json.created(Api.post(port, "/api/v1/proposals/suggestions", staffToken, "{\"orgId\":" + tree.chamber()
				+ ",\"topic\":\"FINANCING\",\"problem\":\"贷款难\",\"suggestion\":\"设立担保基金\"}"));
		String federation = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		long proposal = Json.created(Api.post(port, "/api/v1/proposals", federation, "{\"orgId\":" + tree.county()
				+ ",\"title\":\"关于融资担保的提案\",\"topic\":\"FINANCING\",\"holderRole\":\"DEPUTY\",\"holderPartyId\":" + deputy
				+ ",\"suggestionIds\":[" + suggestion + "]}"));
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		byte[] letter = "答复函正文".getBytes(StandardCharsets.UTF_8);

		// refused (no department): 422 on the field, nothing written
		Refusals.assertApiRefused(multipart("/api/v1/proposals/" + proposal + "/answer", federation,
				Map.of("answer", "已研究", "answeredOn", today), "答复函.pdf", letter), "department", "");
		assertThat(Api.get(port, "/api/v1/proposals/" + proposal + "/answer-file", federation).statusCode()).isEqualTo(404);
		// a neighbour county's officer: as if the proposal did not exist
		assertThat(multipart("/api/v1/proposals/" + proposal + "/answer", tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN),
				Map.of("department", "某局", "answer", "x", "answeredOn", today), "x.pdf", letter).statusCode()).isEqualTo(404);

		HttpResponse<String> answered = multipart("/api/v1/proposals/" + proposal + "/answer", federation,
				Map.of("department", "市金融办", "answer", "已设立担保基金", "answeredOn", today), "答复函.pdf", letter);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(Json.text(answered.body(), "$.status")).isEqualTo("ANSWERED");
		HttpResponse<String> file = Api.get(port, "/api/v1/proposals/" + proposal + "/answer-file", federation);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo("答复函正文");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(Api.get(port, "/api/v1/proposals/" + proposal + "/answer-file", tree.token(tree.neighbourCounty(),
				Role.FEDERATION_ADMIN)).statusCode()).isEqualTo(404);
	}

	/** A multipart request with text fields and one file in the field {@code file}. */
	private HttpResponse<String> multipart(String path, String token, Map<String, String> fields, String filename, byte[] content) {
		String boundary = "----chamberlink" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		try {
			return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
					java.net.URI.create("http://localhost:" + port + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Authorization", "Bearer " + token)
				.header("Accept-Language", "zh-CN")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
