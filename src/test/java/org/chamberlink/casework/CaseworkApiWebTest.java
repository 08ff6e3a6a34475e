package org.chamberlink.casework;

import java.net.http.HttpResponse;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint through the API from filing to resolution: refused transitions, acceptance with a
 * handler (both told by mail through the outbox), a transfer to the county that the county
 * accepts, the county resolving it with the amount recovered, the figures; the neighbouring
 * chamber sees and changes none of it, the chamber that handed it on still sees it.
 */
@IntegrationTest
@Tag("database")
class CaseworkApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	OrganizationFixture fixture;

	long county;

	long chamber;

	long neighbour;

	@BeforeEach
	void organizations() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "维权测试省工商联" + System.nanoTime(), "13", null);
		county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区餐饮商会", "130102", county);
		long otherCounty = fixture.federation("COUNTY", "桥西区工商联", "130104", province);
		neighbour = fixture.chamber("INDUSTRY", "桥西区餐饮商会", "130104", otherCounty);
	}

	@Test
	void aComplaintIsAcceptedTransferredToTheCountyAndResolvedWithTheAmountRecovered() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		AccountPrincipal clerk = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		jdbc.sql("update user_account set email = 'clerk@example.com' where id = :id").param("id", clerk.id()).update();
		long person = MemberFixture.person(port, admin, chamber, "王建国", MemberFixture.identityNumber(), MemberFixture.phone());
		jdbc.sql("update party_contact set email = 'wang@example.com' where party_id = :id").param("id", person).update();

		// a bad amount names the field, and nothing is written
		HttpResponse<String> bad = Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "五万"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("涉及金额：", "amountInvolved");
		assertThat(casesOf(person)).isZero();

		HttpResponse<String> filed = Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "52,000"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		long id = CaseFixture.caseId(filed.body());
		assertThat(filed.body()).contains("\"state\":\"SUBMITTED\"", "\"amountInvolvedFen\":5200000", "\"action\":\"FILED\"");

		// resolving an unaccepted case is refused, and changes nothing
		HttpResponse<String> early = Api.post(port, "/api/v1/cases/" + id + "/resolve", admin, "{\"outcome\":\"已退费\"}");
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(early.body()).contains("案件须先受理才能办结", "待受理");
		assertThat(state(id)).isEqualTo("SUBMITTED");

		HttpResponse<String> accepted = Api.post(port, "/api/v1/cases/" + id + "/accept", admin,
				"{\"handlerAccountId\":" + clerk.id() + ",\"comment\":\"已联系会员了解情况\"}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.body()).contains("\"state\":\"ACCEPTED\"", "\"handlerName\":\"" + clerk.displayName() + "\"",
				"\"resolveDueOn\":\"");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/counsel", admin, "{\"counselName\":\"河北正律律师事务所 李律师\"}")
			.body()).contains("\"counselName\":\"河北正律律师事务所 李律师\"", "\"action\":\"COUNSEL\"");
		// accepting twice is refused
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{}").body()).contains("只有待受理的案件可以受理");
		// the member heard of filing and acceptance, the handler of the assignment
		assertThat(mailsTo("wang@example.com", id)).hasSize(2).anySatisfy(subject -> assertThat(subject).contains("已受理"));
		assertThat(mailsTo("clerk@example.com", id)).singleElement().asString().contains("分派给您");

		// the neighbour chamber sees nothing and can do nothing
		String stranger = fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN);
		assertThat(Api.get(port, "/api/v1/cases/" + id, stranger).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/cases", stranger).body()).doesNotContain("检查收费不开票据");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/notes", stranger, "{\"comment\":\"x\"}").statusCode()).isEqualTo(404);

		// handed to the county, which must accept it
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/transfer", admin,
				"{\"toOrgId\":" + neighbour + ",\"reason\":\"不属本区\"}").body()).contains("移交至");
		HttpResponse<String> offered = Api.post(port, "/api/v1/cases/" + id + "/transfer", admin,
				"{\"toOrgId\":" + county + ",\"reason\":\"涉及行政部门，需区工商联协调\"}");
		assertThat(offered.body()).contains("\"transferToOrgName\":\"长安区工商联\"", "TRANSFER_OFFERED");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/resolve", admin, "{\"outcome\":\"x\"}").body())
			.contains("正在移交");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/transfer/accept", stranger, "{}").statusCode()).isEqualTo(404);
		String countyStaff = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/cases?offered=true", countyStaff).body()).contains("\"id\":" + id);
		HttpResponse<String> taken = Api.post(port, "/api/v1/cases/" + id + "/transfer/accept", countyStaff,
				"{\"comment\":\"区工商联维权中心接办\"}");
		assertThat(taken.body()).contains("\"orgName\":\"长安区工商联\"", "\"transfers\":1", "\"state\":\"ACCEPTED\"",
				"TRANSFER_ACCEPTED", "\"handlerName\":null");
		// the chamber that handed it on still follows it, but can no longer change it
		assertThat(Api.get(port, "/api/v1/cases/" + id, admin).body()).contains("区工商联维权中心接办");
		assertThat(Api.get(port, "/api/v1/cases", admin).body()).contains("\"id\":" + id + ",");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/notes", admin, "{\"comment\":\"x\"}").statusCode()).isEqualTo(404);

		HttpResponse<String> resolved = Api.post(port, "/api/v1/cases/" + id + "/resolve", countyStaff,
				"{\"outcome\":\"协调市场监管所退还检测费\",\"amountRecovered\":\"48000\"}");
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.body()).contains("\"state\":\"RESOLVED\"", "\"amountRecoveredFen\":4800000");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/close", countyStaff, "{\"outcome\":\"x\"}").body())
			.contains("案件须先受理才能结案");

		// a phone follow-up records the member's rating, once
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/follow-up", countyStaff, "{\"rating\":6}").body())
			.contains("请选择 1 至 5 分");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/follow-up", countyStaff, "{\"rating\":5,\"comment\":\"满意\"}")
			.body()).contains("\"rating\":5", "\"ratedVia\":\"PHONE\"");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/follow-up", countyStaff, "{\"rating\":3}").body())
			.contains("已评价过");

		String figures = Api.get(port, "/api/v1/organizations/" + county + "/case-figures", countyStaff).body();
		assertThat(figures).contains("\"complaints\":1", "\"resolved\":1", "\"recoveredFen\":4800000", "\"transfers\":1",
				"\"satisfactionRate\":\"100.00 %\"", "\"category\":\"ARBITRARY_CHARGES\"");
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/case-figures", stranger).statusCode()).isEqualTo(404);
	}

	@Test
	void aCourtReferredMediationEndsInAnAgreementWithItsDocument() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		HttpResponse<String> filed = Api.post(port, "/api/v1/cases", admin, "{\"kind\":\"MEDIATION\",\"category\":\"DEBT\","
				+ "\"orgId\":" + chamber + ",\"title\":\"货款纠纷\",\"description\":\"拖欠食材货款\",\"applicantName\":\"石家庄鲜达食品有限公司\","
				+ "\"respondentName\":\"长安区某酒楼\",\"amountInDispute\":\"86000\",\"courtName\":\"长安区人民法院\","
				+ "\"courtCaseNumber\":\"(2026)冀0102民诉前调1号\"}");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		long id = CaseFixture.caseId(filed.body());
		assertThat(filed.body()).contains("\"channel\":\"COURT\"", "\"side\":\"APPLICANT\"", "长安区某酒楼");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/sessions", admin, "{\"heldOn\":\"2026-01-05\",\"mediators\":\"张律师\","
				+ "\"notes\":\"x\"}").body()).contains("调解受理后才能记录调解过程");
		Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{}");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/sessions", admin, "{\"heldOn\":\"2026-01-05\","
				+ "\"mediators\":\"张律师、李会长\",\"notes\":\"双方同意分期付款\"}").body()).contains("\"state\":\"IN_PROGRESS\"",
						"双方同意分期付款");
		// agreement without its signed document is refused
		HttpResponse<String> noDocument = Api.post(port, "/api/v1/cases/" + id + "/resolve", admin,
				"{\"outcome\":\"达成协议\",\"agreementTerms\":\"分三期付清 86,000 元\"}");
		assertThat(noDocument.body()).contains("请上传签署的调解协议书");
		assertThat(state(id)).isEqualTo("IN_PROGRESS");
		HttpResponse<String> attached = Api.postFile(port, "/api/v1/cases/" + id + "/attachments?purpose=AGREEMENT", admin,
				"调解协议书.pdf", "%PDF-1.4 协议".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
		assertThat(attached.body()).contains("\"purpose\":\"AGREEMENT\"", "调解协议书.pdf");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/resolve", admin,
				"{\"outcome\":\"达成协议\",\"agreementTerms\":\"分三期付清 86,000 元\"}").body())
			.contains("\"state\":\"RESOLVED\"", "\"mediationResult\":\"AGREEMENT\"");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/court-report", admin, "{\"reportedOn\":\"2026-01-06\"}").body())
			.contains("\"reportedToCourtOn\":\"2026-01-06\"", "REPORTED_TO_COURT");
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/case-figures", admin).body())
			.contains("\"mediations\":1", "\"agreements\":1", "\"mediationSuccessRate\":\"100.00 %\"");
	}

	@Test
	void onlyTheReceivingSideDecidesATransferAndAnOfferedCaseIsNotRejected() {
		String countyStaff = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, chamber, "陈晓东", MemberFixture.identityNumber(), MemberFixture.phone());
		long id = CaseFixture.caseId(Api.post(port, "/api/v1/cases", countyStaff, CaseFixture.complaintJson(county, person, "10"))
			.body());
		Api.post(port, "/api/v1/cases/" + id + "/transfer", countyStaff, "{\"toOrgId\":" + chamber + ",\"reason\":\"属地处理\"}");
		// the county cannot accept on the chamber's behalf, nor reject the case while it is offered
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/transfer/accept", countyStaff, "{}").statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/reject", countyStaff, "{\"reason\":\"x\"}").body())
			.contains("正在移交");
		assertThat(Api.get(port, "/api/v1/cases?offered=true", countyStaff).body()).doesNotContain("\"id\":" + id + ",");
		assertThat(Api.get(port, "/api/v1/cases?offered=true", admin).body()).contains("\"id\":" + id + ",");
		// the chamber declines: the case stays with the county and the chamber no longer sees it
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/transfer/decline", admin, "{\"reason\":\"不属本会会员事务\"}")
			.statusCode()).isEqualTo(204);
		assertThat(Api.get(port, "/api/v1/cases/" + id, admin).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/cases/" + id, countyStaff).body()).contains("\"transferToOrgId\":null",
				"TRANSFER_DECLINED", "不属本会会员事务", "\"orgName\":\"长安区工商联\"");
		// the county's drill-down lists both chambers of the county, the one without cases too
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/case-figures/below", countyStaff).body())
			.contains("长安区餐饮商会", "\"orgName\":\"长安区工商联\"");
	}

	private long casesOf(long party) {
		return jdbc.sql("select count(*) from service_case where party_id = :p").param("p", party).query(Long.class).single();
	}

	private String state(long id) {
		return jdbc.sql("select state from service_case where id = :id").param("id", id).query(String.class).single();
	}

	private java.util.List<String> mailsTo(String address, long caseId) {
		return jdbc.sql("select subject from notification_outbox where recipient = :to and dedup_key like :key order by id")
			.param("to", address)
			.param("key", "case:" + caseId + ":%")
			.query(String.class)
			.list();
	}

}
