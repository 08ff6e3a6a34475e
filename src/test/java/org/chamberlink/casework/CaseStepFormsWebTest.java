package org.chamberlink.casework;

import java.net.http.HttpResponse;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
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
import static org.chamberlink.support.Refusals.assertStepRefused;

/**
 * Decision 25 on a case's page and the member's (issue 13): every step form refused comes back with
 * 422 on the same page, what was typed still in it, the message in Chinese on its field, and nothing
 * written; a step refused for the case itself (it moved on) says so above the case.
 */
@IntegrationTest
@Tag("database")
class CaseStepFormsWebTest {

	/** Longer than any reason, note or comment a step takes (2,000 characters). */
	static final String TOO_LONG = "很".repeat(2001);

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

	long person;

	WebSession staff;

	@BeforeEach
	void aChamberWithAMemberAndItsSecretary() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("案件步骤");
		token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, token, tree.chamber(), "钱国栋", MemberFixture.identityNumber(),
				MemberFixture.phone());
		staff = WebSession.signedIn(port, tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
	}

	@Test
	void aSubmittedCaseKeepsTheAcceptAndRejectFormsAndSaysWhenItCannotStartYet() {
		long id = complaint();
		String before = footprint(id);
		staff.get("/cases/" + id);

		AccountPrincipal elsewhere = tree.account(tree.neighbour(), Role.STAFF);
		var accept = staff.postForm("/cases/" + id + "/accept", Map.of("handlerAccountId",
				Long.toString(elsewhere.id()), "comment", "请尽快联系会员"));
		assertStepRefused(accept, "handlerAccountId", "承办人：须是承办组织的工作人员账户", "请尽快联系会员");
		assertThat(accept.body()).contains("data-testid=\"accept-form\"");
		assertThat(footprint(id)).as("accepting is undone with the handler refused").isEqualTo(before);

		var reject = staff.postForm("/cases/" + id + "/reject", Map.of("reason", TOO_LONG));
		assertStepRefused(reject, "reason", "理由：请填写理由", TOO_LONG);
		assertThat(footprint(id)).isEqualTo(before);

		var start = staff.postForm("/cases/" + id + "/start", Map.of());
		assertThat(start.statusCode()).isEqualTo(422);
		assertThat(start.body()).contains("data-testid=\"step-error\"", "状态：只有已受理的案件可以开始办理");
		assertThat(footprint(id)).isEqualTo(before);
	}

	@Test
	void anAcceptedComplaintsStepFormsKeepWhatWasTypedOnTheirField() {
		long id = complaint();
		ok(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}"));
		String before = footprint(id);
		staff.get("/cases/" + id);

		assertStepRefused(staff.postForm("/cases/" + id + "/assign", Map.of("handlerAccountId",
				Long.toString(tree.account(tree.neighbour(), Role.STAFF).id()))), "handlerAccountId", "承办人：须是承办组织的工作人员账户");
		String counsel = "张".repeat(101);
		assertStepRefused(staff.postForm("/cases/" + id + "/counsel", Map.of("counselName", counsel)), "counselName",
				"法律顾问：最多 100 字", counsel);
		assertStepRefused(staff.postForm("/cases/" + id + "/notes", Map.of("comment", TOO_LONG)), "comment",
				"说明：请填写办理情况", TOO_LONG);
		var transfer = staff.postForm("/cases/" + id + "/transfer", Map.of("toOrgId", "", "reason", "涉及消防部门，请区工商联协调"));
		assertStepRefused(transfer, "toOrgId", "移交至：请选择", "涉及消防部门，请区工商联协调");
		var resolve = staff.postForm("/cases/" + id + "/resolve", Map.of("outcome", "经协调退还部分费用",
				"amountRecovered", "五千"));
		assertStepRefused(resolve, "amountRecovered", "挽回经济损失：请填写不小于 0 的金额", "经协调退还部分费用", "五千");
		var close = staff.postForm("/cases/" + id + "/close", Map.of("outcome", " "));
		assertStepRefused(close, "outcome", "办理结果：请填写办理结果");
		assertThat(close.body()).contains("data-testid=\"close-form\"");
		var attach = staff.postFile("/cases/" + id + "/attachments", "", new byte[0], Map.of());
		assertStepRefused(attach, "file", "文件：请选择要上传的文件");
		assertThat(footprint(id)).as("no refused step wrote anything").isEqualTo(before);

		// the same forms still do their work, back on the case by a redirect
		var noted = staff.postForm("/cases/" + id + "/notes", Map.of("comment", "已电话联系会员"));
		assertThat(noted.statusCode()).isEqualTo(302);
		assertThat(staff.location(noted)).isEqualTo("/cases/" + id);
		assertThat(staff.get("/cases/" + id).body()).contains("已电话联系会员");
	}

	@Test
	void aDeclineWithoutAReasonStaysOnTheOfferedCase() {
		long id = complaint();
		ok(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}"));
		ok(Api.post(port, "/api/v1/cases/" + id + "/transfer", token, "{\"toOrgId\":" + tree.county()
				+ ",\"reason\":\"请区工商联协调\"}"));
		String before = footprint(id);
		WebSession county = WebSession.signedIn(port, tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		county.get("/cases/" + id);
		var decline = county.postForm("/cases/" + id + "/transfer/decline", Map.of("reason", ""));
		assertStepRefused(decline, "reason", "理由：请填写理由");
		assertThat(decline.body()).contains("data-testid=\"decline-transfer-form\"", "data-testid=\"take-transfer-form\"");
		assertThat(footprint(id)).isEqualTo(before);
	}

	@Test
	void aMediationsSessionAgreementAndCourtReportFormsKeepWhatWasTyped() {
		long id = mediation();
		ok(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}"));
		String before = footprint(id);
		staff.get("/cases/" + id);

		var session = staff.postForm("/cases/" + id + "/sessions", Map.of("heldOn", "2099-01-05", "place", "商会调解室",
				"mediators", "赵律师", "notes", "双方同意按延误天数计算违约金"));
		assertStepRefused(session, "heldOn", "调解日期：请填写不晚于今天的日期", "2099-01-05", "商会调解室", "赵律师",
				"双方同意按延误天数计算违约金");
		var notADate = staff.postForm("/cases/" + id + "/sessions", Map.of("heldOn", "上周五", "mediators", "赵律师",
				"notes", "初次调解"));
		assertStepRefused(notADate, "heldOn", "调解日期", "初次调解");
		var agreement = staff.postForm("/cases/" + id + "/resolve", Map.of("outcome", "达成调解协议", "agreementTerms",
				"恒通商贸支付违约金 36,000 元"));
		assertStepRefused(agreement, "agreement", "调解协议书：请上传签署的调解协议书", "达成调解协议", "恒通商贸支付违约金 36,000 元");
		assertThat(footprint(id)).isEqualTo(before);

		ok(Api.post(port, "/api/v1/cases/" + id + "/close", token,
				"{\"outcome\":\"调解不成\",\"mediationResult\":\"FAILED\"}"));
		String closed = footprint(id);
		staff.get("/cases/" + id);
		var report = staff.postForm("/cases/" + id + "/court-report", Map.of("reportedOn", "2099-02-01"));
		assertStepRefused(report, "reportedOn", "反馈日期：请填写不晚于今天的日期", "2099-02-01");
		assertThat(footprint(id)).isEqualTo(closed);
	}

	@Test
	void aFollowUpKeepsTheRatingAndCommentAndARatedCaseSaysSoAboveIt() {
		long id = complaint();
		ok(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}"));
		ok(Api.post(port, "/api/v1/cases/" + id + "/resolve", token, "{\"outcome\":\"已退还全部费用\"}"));
		String before = footprint(id);
		staff.get("/cases/" + id);
		String comment = "满".repeat(501);
		var followUp = staff.postForm("/cases/" + id + "/follow-up", Map.of("rating", "3", "comment", comment));
		assertStepRefused(followUp, "comment", "评价意见：最多 500 字", comment);
		assertThat(followUp.body()).contains("<option value=\"3\" selected=\"selected\">");
		assertThat(footprint(id)).isEqualTo(before);

		ok(Api.post(port, "/api/v1/cases/" + id + "/follow-up", token, "{\"rating\":4}"));
		var again = staff.postForm("/cases/" + id + "/follow-up", Map.of("rating", "5"));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("data-testid=\"step-error\"", "评价：该案件已评价过");
		assertThat(jdbc.sql("select rating from service_case where id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void theMembersRatingAndReopeningKeepWhatTheyTyped() {
		long id = complaint();
		ok(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}"));
		ok(Api.post(port, "/api/v1/cases/" + id + "/resolve", token, "{\"outcome\":\"供货商同意退货\"}"));
		String before = footprint(id);
		AccountPrincipal account = CaseFixture.memberAccount(accountManagement, jdbc, person);
		WebSession member = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		member.get("/portal/cases/" + id);

		String comment = "慢".repeat(501);
		var rating = member.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "2", "comment", comment));
		assertStepRefused(rating, "comment", "评价意见：最多 500 字", comment);
		assertThat(rating.body()).contains("value=\"2\" class=\"form-selectgroup-input\" checked=\"checked\"");
		var reopen = member.postForm("/portal/cases/" + id + "/reopen", Map.of("reason", TOO_LONG));
		assertStepRefused(reopen, "reason", "理由：请填写理由", TOO_LONG);
		assertThat(footprint(id)).isEqualTo(before);

		var rated = member.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "2", "comment", "太慢"));
		assertThat(rated.statusCode()).isEqualTo(302);
		assertThat(member.location(rated)).isEqualTo("/portal/cases/" + id);
		var twice = member.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "5"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("data-testid=\"step-error\"", "评价：该案件已评价过");
	}

	private long complaint() {
		var filed = Api.post(port, "/api/v1/cases", token, CaseFixture.complaintJson(tree.chamber(), person, "5000"));
		ok(filed);
		return CaseFixture.caseId(filed.body());
	}

	private long mediation() {
		var filed = Api.post(port, "/api/v1/cases", token, "{\"kind\":\"MEDIATION\",\"category\":\"CONTRACT\",\"orgId\":"
				+ tree.chamber() + ",\"partyId\":" + person + ",\"title\":\"运输合同纠纷\",\"description\":\"货物延误交付\","
				+ "\"respondentName\":\"某商贸公司\",\"amountInDispute\":\"120000\",\"courtName\":\"长安区人民法院\","
				+ "\"courtCaseNumber\":\"（2026）冀0102民诉前调7号\"}");
		ok(filed);
		return CaseFixture.caseId(filed.body());
	}

	/** Everything a step could write about a case: its row, its trail, files and sessions. */
	private String footprint(long id) {
		return jdbc.sql("""
				select concat_ws('|', c.state, c.version, c.handler_account_id, c.counsel_name, c.outcome,
				    c.amount_recovered_fen, c.agreement_terms, c.transfer_to_org_id, c.rating, c.rating_comment,
				    c.reported_to_court_on, c.closed_at, c.reopened_at,
				    (select count(*) from case_step s where s.case_id = c.id),
				    (select count(*) from case_attachment a where a.case_id = c.id),
				    (select count(*) from mediation_session m where m.case_id = c.id))
				from service_case c where c.id = :id
				""").param("id", id).query(String.class).single();
	}

	private static void ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
	}

}
