package org.chamberlink.casework;

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
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * Decision 25 for casework: the case forms, one record per kind, refuse with the field named and
 * keep what was typed; the API's JSON keeps its one shape, {@code kind} choosing the form.
 */
@IntegrationTest
@Tag("database")
class CaseFormsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long chamber;

	long person;

	String token;

	@BeforeEach
	void aChamberWithAMember() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "诉求表单省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区家具商会", "130102", county);
		token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, token, chamber, "郑立新", MemberFixture.identityNumber(), MemberFixture.phone());
	}

	@Test
	void theApiRefusesAnUnreadableAmountAndAMissingKindNamingTheField() {
		assertApiRefused(Api.post(port, "/api/v1/cases", token, CaseFixture.complaintJson(chamber, person, "五万")),
				"amountInvolved", "涉及金额");
		assertApiRefused(Api.post(port, "/api/v1/cases", token, "{\"category\":\"FINANCING\",\"orgId\":" + chamber
				+ ",\"partyId\":" + person + ",\"title\":\"贷款\",\"description\":\"流动资金\"}"), "kind", "");
		assertThat(cases()).isZero();
	}

	@Test
	void aMediationFiledThroughTheApiKeepsItsSidesAndCourt() {
		var filed = Api.post(port, "/api/v1/cases", token, "{\"kind\":\"MEDIATION\",\"category\":\"DEBT\",\"orgId\":"
				+ chamber + ",\"partyId\":" + person + ",\"title\":\"货款纠纷\",\"description\":\"拖欠货款\","
				+ "\"respondentName\":\"某建材公司\",\"amountInDispute\":\"8000\",\"courtName\":\"长安区人民法院\","
				+ "\"courtCaseNumber\":\"（2026）冀0102民诉前调1号\"}");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		assertThat(filed.body()).contains("\"channel\":\"COURT\"", "某建材公司", "长安区人民法院");
	}

	@Test
	void aRefusedComplaintPageKeepsWhatWasTypedAndNamesTheTitle() {
		WebSession staff = staff();
		staff.get("/cases/new?kind=COMPLAINT&partyId=" + person);
		var page = staff.postForm("/cases", Map.of("kind", "COMPLAINT", "orgId", Long.toString(chamber), "partyId",
				Long.toString(person), "category", "ARBITRARY_CHARGES", "title", "", "description", "检查时收取咨询费",
				"respondentName", "某咨询服务部", "amountInvolved", "5000"));
		assertFormKept(page, "title", "标题", "某咨询服务部", "5000");
		assertThat(page.body()).contains("检查时收取咨询费</textarea>");
		assertThat(cases()).isZero();
	}

	@Test
	void aRefusedMediationPageNamesTheMissingRespondentAndKeepsTheContacts() {
		WebSession staff = staff();
		staff.get("/cases/new?kind=MEDIATION&partyId=" + person);
		var page = staff.postForm("/cases", Map.of("kind", "MEDIATION", "orgId", Long.toString(chamber), "partyId",
				Long.toString(person), "category", "DEBT", "title", "货款纠纷", "description", "拖欠货款",
				"applicantContact", "0311-1234567", "amountInDispute", "8000"));
		assertFormKept(page, "respondentName", "被申请人", "0311-1234567", "8000", "货款纠纷");
		assertThat(cases()).isZero();
	}

	@Test
	void aRefusedPortalComplaintKeepsWhatTheMemberTyped() {
		AccountPrincipal account = CaseFixture.memberAccount(accountManagement, jdbc, person);
		WebSession member = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		member.get("/portal/cases/new?kind=COMPLAINT");
		var page = member.postForm("/portal/cases", Map.of("kind", "COMPLAINT", "orgId", Long.toString(chamber),
				"category", "ARBITRARY_CHARGES", "title", "消防检查收费", "description", "收取咨询费", "respondentName",
				"某消防咨询服务部", "amountInvolved", "五千"));
		assertFormKept(page, "amountInvolved", "涉及金额", "消防检查收费", "某消防咨询服务部", "五千");
		assertThat(cases()).isZero();
	}

	@Test
	void aVisitRecordedWithoutFindingsComesBackOpenWithTheDateAndNeedTyped() {
		int year = java.time.LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE).getYear();
		var planned = Api.post(port, "/api/v1/visits", token, "{\"orgId\":" + chamber + ",\"partyId\":" + person
				+ ",\"year\":" + year + ",\"quarter\":1,\"visitors\":\"王会长\",\"purpose\":\"了解经营\"}");
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
		long visit = org.chamberlink.support.Json.number(planned.body(), "$.id");
		assertApiRefused(Api.post(port, "/api/v1/visits/" + visit + "/complete", token,
				"{\"visitedOn\":\"" + year + "-01-05\",\"findings\":\"\"}"), "findings", "走访情况");

		WebSession staff = staff();
		staff.get("/visits?year=" + year + "&quarter=1");
		var page = staff.postForm("/visits/" + visit + "/complete", Map.of("visitedOn", year + "-01-05", "findings", "",
				"needCategory", "FINANCING", "needTitle", "需要流动资金贷款"));
		assertFormKept(page, "findings", "走访情况", year + "-01-05", "需要流动资金贷款");
		assertThat(page.body()).contains("<details class=\"mt-2\" open=\"open\"");
		assertThat(jdbc.sql("select state from visit where id = :v").param("v", visit).query(String.class).single())
			.isEqualTo("PLANNED");
		assertThat(cases()).isZero();
	}

	@Test
	void aTimeLimitOutOfRangeComesBackOnItsKindsFormAsTyped() {
		WebSession admin = staff();
		admin.get("/cases/settings");
		var page = admin.postForm("/cases/settings/limits", Map.of("kind", "COMPLAINT", "acceptDays", "99",
				"resolveDays", "15"));
		assertFormKept(page, "acceptDays", "受理", "99");
		assertThat(jdbc.sql("select count(*) from case_time_limit where org_id = :o").param("o", chamber)
			.query(Long.class).single()).isZero();
	}

	private WebSession staff() {
		return WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
	}

	private long cases() {
		return jdbc.sql("select count(*) from service_case where org_id = :o").param("o", chamber).query(Long.class).single();
	}

}
