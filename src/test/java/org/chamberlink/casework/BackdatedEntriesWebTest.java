package org.chamberlink.casework;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
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
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * Cases and visits from a paper ledger, entered after the fact (补录, decision 32): they count in
 * the figures of the period they really happened in (the average days to resolve from their real
 * days too), are audited as BACKDATED and show on their page when and by whom they were entered; a
 * day in the future or before the organisation was founded is refused on its field, and nothing is
 * written.
 */
@IntegrationTest
@Tag("database")
class BackdatedEntriesWebTest {

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

	@BeforeEach
	void aChamberWithAMember() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("补录");
		token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, token, tree.chamber(), "赵丽华", MemberFixture.identityNumber(),
				MemberFixture.phone());
	}

	@Test
	void aClosedCaseFromTheLedgerCountsOnItsRealDaysAndIsAuditedAsBackdated() {
		HttpResponse<String> filed = Api.post(port, "/api/v1/cases", token, need("2019-03-04",
				",\"closedOn\":\"2019-03-14\",\"result\":\"RESOLVED\",\"outcome\":\"协调银行发放贷款\""));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		long id = CaseFixture.caseId(filed.body());
		assertThat(Json.text(filed.body(), "$.caseView.state")).isEqualTo("RESOLVED");
		assertThat(Json.text(filed.body(), "$.caseView.enteredAt")).isNotNull();

		// March 2019 has it, resolved in ten days; this year does not
		String march = Api.get(port, "/api/v1/organizations/" + tree.chamber()
				+ "/case-figures?from=2019-03-01&to=2019-03-31", token).body();
		assertThat(Json.number(march, "$.totals.cases")).isOne();
		assertThat(Json.number(march, "$.totals.resolved")).isOne();
		assertThat(Json.text(march, "$.totals.averageDays")).isEqualTo("10.0");
		String thisYear = Api.get(port, "/api/v1/organizations/" + tree.chamber() + "/case-figures", token).body();
		assertThat(Json.number(thisYear, "$.totals.cases")).isZero();

		assertThat(audited("Case", id)).singleElement().asString().contains("2019-03-04", "2019-03-14");
		assertThat(Json.<java.util.List<String>>read(filed.body(), "$.trail[*].action")).containsExactly("FILED", "RESOLVED");
	}

	@Test
	void anOpenCaseFromTheLedgerIsFiledOnItsDayAndAwaitsAcceptance() {
		HttpResponse<String> filed = Api.post(port, "/api/v1/cases", token, need("2021-06-01", ""));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		assertThat(Json.text(filed.body(), "$.caseView.state")).isEqualTo("SUBMITTED");
		String june = Api.get(port, "/api/v1/organizations/" + tree.chamber()
				+ "/case-figures?from=2021-06-01&to=2021-06-30", token).body();
		assertThat(Json.number(june, "$.totals.open")).isOne();
	}

	@Test
	void aReceivedDayInTheFutureOrBeforeTheChamberWasFoundedIsRefusedNamingItAndWritesNothing() {
		String tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1).toString();
		assertApiRefused(Api.post(port, "/api/v1/cases", token, need(tomorrow, "")), "past.receivedOn", "收到日期");
		assertApiRefused(Api.post(port, "/api/v1/cases", token, need("1899-12-31", "")), "past.receivedOn", "1900");
		assertApiRefused(Api.post(port, "/api/v1/cases", token, need("2019-03-04",
				",\"closedOn\":\"2019-03-01\",\"result\":\"RESOLVED\",\"outcome\":\"已办\"")), "past.closedOn", "收到日期");
		assertApiRefused(Api.post(port, "/api/v1/cases", token, need("2019-03-04", ",\"closedOn\":\"2019-03-10\"")),
				"past.result", "结案方式");
		jdbc.sql("update organization set founded_on = date '2015-06-01' where id = :id").param("id", tree.chamber())
			.update();
		assertApiRefused(Api.post(port, "/api/v1/cases", token, need("2015-05-31", "")), "past.receivedOn",
				"2015-06-01");
		assertThat(cases()).isZero();
		assertThat(backdatedAuditEntries()).isZero();
	}

	@Test
	void aRefusedPastCaseOnThePageKeepsWhatWasTypedAndAnAcceptedOneShowsWhenItWasEntered() {
		WebSession staff = staff();
		staff.get("/cases/new?kind=NEED&partyId=" + person);
		String tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1).toString();
		Map<String, String> form = new HashMap<>(Map.of("kind", "NEED", "orgId", Long.toString(tree.chamber()),
				"partyId", Long.toString(person), "category", "FINANCING", "title", "技改贷款", "description", "需要技改贷款",
				"past.receivedOn", tomorrow, "past.closedOn", "", "past.result", "", "past.outcome", "台账记录：已协调"));
		var refused = staff.postForm("/cases", form);
		assertFormKept(refused, "past.receivedOn", "不能晚于今天", tomorrow, "技改贷款");
		assertThat(refused.body()).contains("台账记录：已协调</textarea>", "data-testid=\"past-case\" open");
		assertThat(cases()).isZero();

		form.put("past.receivedOn", "2020-11-02");
		form.put("past.closedOn", "2020-11-20");
		form.put("past.result", "UNRESOLVED");
		var entered = staff.postForm("/cases", form);
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(302);
		String page = staff.get(staff.location(entered)).body();
		assertThat(page).contains("2020-11-02").containsPattern("补录（录入于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d，经办人 ");
		assertThat(jdbc.sql("select state from service_case where org_id = :o").param("o", tree.chamber())
			.query(String.class).single()).isEqualTo("UNRESOLVED");
	}

	@Test
	void aVisitFromTheLedgerCountsInItsQuarterAndAFutureOneIsRefusedKeepingWhatWasTyped() {
		HttpResponse<String> entered = Api.post(port, "/api/v1/visits/past", token, "{\"orgId\":" + tree.chamber()
				+ ",\"partyId\":" + person + ",\"visitedOn\":\"2018-05-20\",\"visitors\":\"李秘书长\","
				+ "\"findings\":\"订单充足，缺熟练工\"}");
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
		long visit = Json.number(entered.body(), "$.id");
		assertThat(Json.text(entered.body(), "$.state")).isEqualTo("COMPLETED");
		String progress = Api.get(port, "/api/v1/organizations/" + tree.chamber()
				+ "/visit-progress?year=2018&quarter=2", token).body();
		assertThat(Json.number(progress, "$.planned")).isOne();
		assertThat(Json.number(progress, "$.completed")).isOne();
		assertThat(audited("Visit", visit)).singleElement().asString().contains("2018-05-20");

		String tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1).toString();
		assertApiRefused(Api.post(port, "/api/v1/visits/past", token, "{\"orgId\":" + tree.chamber() + ",\"partyId\":"
				+ person + ",\"visitedOn\":\"" + tomorrow + "\",\"visitors\":\"李秘书长\",\"findings\":\"还没去\"}"),
				"visitedOn", "走访日期");
		WebSession staff = staff();
		var page = staff.postForm("/visits/past", Map.of("orgId", Long.toString(tree.chamber()), "partyId",
				Long.toString(person), "visitedOn", tomorrow, "visitors", "李秘书长", "findings", "台账第 3 页",
				"memberKeyword", "赵丽华"));
		assertFormKept(page, "visitedOn", "不能晚于今天", tomorrow, "李秘书长");
		assertThat(page.body()).contains("台账第 3 页</textarea>");
		assertThat(jdbc.sql("select count(*) from visit where org_id = :o").param("o", tree.chamber()).query(Long.class)
			.single()).isOne();

		String quarter = staff.get("/visits?year=2018&quarter=2").body();
		assertThat(quarter).contains("订单充足").containsPattern("补录（录入于 [^<]*李秘书长|补录（录入于 [^<]*，经办人 ");
	}

	private String need(String receivedOn, String more) {
		return "{\"kind\":\"NEED\",\"category\":\"FINANCING\",\"orgId\":" + tree.chamber() + ",\"partyId\":" + person
				+ ",\"title\":\"技改贷款\",\"description\":\"纸质台账：需要技改贷款\",\"past\":{\"receivedOn\":\"" + receivedOn
				+ "\"" + more + "}}";
	}

	private java.util.List<String> audited(String type, long id) {
		return jdbc.sql("select summary from audit_log where action = 'BACKDATED' and entity_type = :t and entity_id = :id")
			.param("t", type)
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

	private long backdatedAuditEntries() {
		return jdbc.sql("select count(*) from audit_log where action = 'BACKDATED' and org_id = :o")
			.param("o", tree.chamber())
			.query(Long.class)
			.single();
	}

	private WebSession staff() {
		return WebSession.signedIn(port, tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
	}

	private long cases() {
		return jdbc.sql("select count(*) from service_case where org_id = :o").param("o", tree.chamber())
			.query(Long.class)
			.single();
	}

}
