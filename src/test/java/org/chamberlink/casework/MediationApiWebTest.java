package org.chamberlink.casework;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mediation referred by a court, through the API: filed with both sides, sessions once accepted,
 * an agreement only with its signed document, reported back to the court and counted. Each test
 * has a chamber of its own tree.
 */
@IntegrationTest
@Tag("database")
class MediationApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	String admin;

	@BeforeEach
	void aChamber() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("餐饮");
		admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
	}

	@Test
	void aCourtReferredMediationIsFiledThroughTheCourtChannelWithBothSides() {
		String filed = Json.createdBody(file());
		assertThat(Json.text(filed, "$.caseView.channel")).isEqualTo("COURT");
		assertThat(filed).contains("\"side\":\"APPLICANT\"", "长安区某酒楼");
	}

	@Test
	void sessionsAreRecordedOnlyOnceTheMediationIsAcceptedAndPutItInProgress() {
		long id = filed();
		assertThat(post(id, "/sessions", "{\"heldOn\":\"2026-01-05\",\"mediators\":\"张律师\",\"notes\":\"x\"}").body())
			.contains("调解受理后才能记录调解过程");
		Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{}");
		String session = post(id, "/sessions", "{\"heldOn\":\"2026-01-05\",\"mediators\":\"张律师、李会长\","
				+ "\"notes\":\"双方同意分期付款\"}").body();
		assertThat(Json.text(session, "$.caseView.state")).isEqualTo("IN_PROGRESS");
		assertThat(session).contains("双方同意分期付款");
	}

	@Test
	void anAgreementIsRecordedOnlyWithItsSignedDocument() {
		long id = inSession();
		HttpResponse<String> noDocument = post(id, "/resolve", "{\"outcome\":\"达成协议\",\"agreementTerms\":\"分三期付清 86,000 元\"}");
		assertThat(noDocument.body()).contains("请上传签署的调解协议书");
		assertThat(state(id)).isEqualTo("IN_PROGRESS");
		HttpResponse<String> attached = attachAgreement(id);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
		assertThat(attached.body()).contains("\"purpose\":\"AGREEMENT\"", "调解协议书.pdf");

		String resolved = post(id, "/resolve", "{\"outcome\":\"达成协议\",\"agreementTerms\":\"分三期付清 86,000 元\"}").body();
		assertThat(Json.text(resolved, "$.caseView.state")).isEqualTo("RESOLVED");
		assertThat(Json.text(resolved, "$.caseView.mediationResult")).isEqualTo("AGREEMENT");
	}

	@Test
	void theAgreementIsReportedToTheCourtAndCountedInTheChambersFigures() {
		long id = inSession();
		attachAgreement(id);
		post(id, "/resolve", "{\"outcome\":\"达成协议\",\"agreementTerms\":\"分三期付清 86,000 元\"}");

		String reported = post(id, "/court-report", "{\"reportedOn\":\"2026-01-06\"}").body();
		assertThat(Json.text(reported, "$.caseView.reportedToCourtOn")).isEqualTo("2026-01-06");
		assertThat(Json.<List<String>>read(reported, "$..action")).contains("REPORTED_TO_COURT");
		assertThat(Api.get(port, "/api/v1/organizations/" + tree.chamber() + "/case-figures", admin).body())
			.contains("\"mediations\":1", "\"agreements\":1", "\"mediationSuccessRate\":\"100.00 %\"");
	}

	private HttpResponse<String> file() {
		return Api.post(port, "/api/v1/cases", admin, "{\"kind\":\"MEDIATION\",\"category\":\"DEBT\",\"orgId\":"
				+ tree.chamber() + ",\"title\":\"货款纠纷\",\"description\":\"拖欠食材货款\",\"applicantName\":\"石家庄鲜达食品有限公司\","
				+ "\"respondentName\":\"长安区某酒楼\",\"amountInDispute\":\"86000\",\"courtName\":\"长安区人民法院\","
				+ "\"courtCaseNumber\":\"(2026)冀0102民诉前调1号\"}");
	}

	private long filed() {
		return CaseFixture.caseId(Json.createdBody(file()));
	}

	private long inSession() {
		long id = filed();
		Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{}");
		post(id, "/sessions", "{\"heldOn\":\"2026-01-05\",\"mediators\":\"张律师、李会长\",\"notes\":\"双方同意分期付款\"}");
		return id;
	}

	private HttpResponse<String> attachAgreement(long id) {
		return Api.postFile(port, "/api/v1/cases/" + id + "/attachments?purpose=AGREEMENT", admin, "调解协议书.pdf",
				"%PDF-1.4 协议".getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(long id, String action, String json) {
		return Api.post(port, "/api/v1/cases/" + id + action, admin, json);
	}

	private String state(long id) {
		return jdbc.sql("select state from service_case where id = :id").param("id", id).query(String.class).single();
	}

}
