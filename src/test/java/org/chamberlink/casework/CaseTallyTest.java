package org.chamberlink.casework;

import java.util.List;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case tallies (V24) that the case figures read equal a direct count of the cases, for every
 * organisation of the subtree, its own level and each day, after every step that changes what
 * they count: filing, acceptance, resolution with an amount recovered, rating, a member's
 * reopening (the rating goes), a transfer the county accepts, a rejection; and the open cases by
 * the day they fall due, from which the overdue figure is read.
 */
@IntegrationTest
@Tag("database")
class CaseTallyTest {

	/** Each counter of case_tally, and how it is counted directly from the cases. */
	private static final Map<String, String> COUNTERS = new java.util.LinkedHashMap<>();

	static {
		COUNTERS.put("cases", "count(*)");
		COUNTERS.put("needs", "count(*) filter (where c.kind = 'NEED')");
		COUNTERS.put("complaints", "count(*) filter (where c.kind = 'COMPLAINT')");
		COUNTERS.put("mediations", "count(*) filter (where c.kind = 'MEDIATION')");
		COUNTERS.put("open", "count(*) filter (where c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'))");
		COUNTERS.put("closed", "count(*) filter (where c.state in ('RESOLVED', 'UNRESOLVED', 'REJECTED'))");
		COUNTERS.put("resolved", "count(*) filter (where c.state = 'RESOLVED')");
		COUNTERS.put("resolution_seconds",
				"round(coalesce(sum(extract(epoch from c.closed_at - c.filed_at)) filter (where c.state = 'RESOLVED'), 0), 3)");
		COUNTERS.put("rated", "count(c.rating)");
		COUNTERS.put("satisfied", "count(*) filter (where c.rating >= 4)");
		COUNTERS.put("recovered_fen", "coalesce(sum(c.amount_recovered_fen) filter (where c.state = 'RESOLVED'), 0)::bigint");
		COUNTERS.put("mediations_concluded", "count(*) filter (where c.kind = 'MEDIATION' and c.mediation_result is not null)");
		COUNTERS.put("agreements", "count(*) filter (where c.mediation_result = 'AGREEMENT')");
		COUNTERS.put("transfers", "coalesce(sum(c.transfers), 0)");
	}

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	String subtree;

	@Test
	void theTallyEqualsADirectCountAfterFilingResolvingTransferringAndReopening() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "统计测试省工商联" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区建材商会", "130102", county);
		long neighbour = fixture.chamber("INDUSTRY", "长安区家具商会", "130102", county);
		subtree = jdbc.sql("select path from organization where id = :id").param("id", province).query(String.class).single()
				+ "%";
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String neighbourAdmin = fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN);
		String countyStaff = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		long person = MemberFixture.person(port, admin, chamber, "郑立新", MemberFixture.identityNumber(), MemberFixture.phone());
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, person);

		long complaint = filed(Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "3,000")));
		long need = filed(Api.post(port, "/api/v1/cases", admin, "{\"kind\":\"NEED\",\"category\":\"FINANCING\",\"orgId\":"
				+ chamber + ",\"partyId\":" + person + ",\"title\":\"技改贷款\",\"description\":\"需要 200 万元技改贷款\"}"));
		long neighbourMember = MemberFixture.person(port, neighbourAdmin, neighbour, "冯志刚", MemberFixture.identityNumber(),
				MemberFixture.phone());
		long other = filed(Api.post(port, "/api/v1/cases", neighbourAdmin, "{\"kind\":\"NEED\",\"category\":\"POLICY\",\"orgId\":"
				+ neighbour + ",\"partyId\":" + neighbourMember + ",\"title\":\"补贴政策\",\"description\":\"咨询技改补贴\"}"));
		long countyMember = MemberFixture.person(port, countyStaff, county, "韩雪梅", MemberFixture.identityNumber(),
				MemberFixture.phone());
		long own = filed(Api.post(port, "/api/v1/cases", countyStaff, "{\"kind\":\"NEED\",\"category\":\"TALENT\",\"orgId\":"
				+ county + ",\"partyId\":" + countyMember + ",\"title\":\"招工\",\"description\":\"招聘技工\"}"));
		assertTallyMatches();

		ok(Api.post(port, "/api/v1/cases/" + complaint + "/accept", admin, "{}"));
		ok(Api.post(port, "/api/v1/cases/" + complaint + "/resolve", admin,
				"{\"outcome\":\"已退还检测费\",\"amountRecovered\":\"2,500\"}"));
		ok(Api.post(port, "/api/v1/cases/" + complaint + "/follow-up", admin, "{\"rating\":5}"));
		assertTallyMatches();

		// the member reopens it: the rating goes, the case is open again, then resolved again
		WebSession portal = WebSession.signedIn(port, member.getUsername(), TestAccounts.PASSWORD);
		portal.postForm("/portal/cases/" + complaint + "/reopen", Map.of("reason", "只退了一半"));
		assertThat(jdbc.sql("select state from service_case where id = :id").param("id", complaint).query(String.class)
			.single()).isEqualTo("IN_PROGRESS");
		assertTallyMatches();
		ok(Api.post(port, "/api/v1/cases/" + complaint + "/resolve", admin,
				"{\"outcome\":\"已全部退还\",\"amountRecovered\":\"3,000\"}"));
		assertTallyMatches();

		// the need goes to the county, which accepts, resolves and records the member's rating
		ok(Api.post(port, "/api/v1/cases/" + need + "/transfer", admin, "{\"toOrgId\":" + county + ",\"reason\":\"需区里协调银行\"}"));
		assertTallyMatches();
		ok(Api.post(port, "/api/v1/cases/" + need + "/transfer/accept", countyStaff, "{}"));
		assertTallyMatches();
		ok(Api.post(port, "/api/v1/cases/" + need + "/resolve", countyStaff, "{\"outcome\":\"已对接银行放款\"}"));
		ok(Api.post(port, "/api/v1/cases/" + need + "/follow-up", countyStaff, "{\"rating\":3}"));
		ok(Api.post(port, "/api/v1/cases/" + other + "/reject", neighbourAdmin, "{\"reason\":\"不属本会受理范围\"}"));
		assertTallyMatches();

		// a case past its date to accept moves to the day it fell due, and counts as overdue
		jdbc.sql("update service_case set accept_due_on = current_date - 3 where id = :id").param("id", own).update();
		assertTallyMatches();

		// what the figures read back: the county's own level has its own case and the transferred one
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/case-figures", countyStaff).body())
			.contains("\"cases\":4", "\"resolved\":2", "\"recoveredFen\":300000", "\"transfers\":1", "\"overdue\":1",
					"\"satisfactionRate\":\"0.00 %\"");
	}

	/** Every tally row of the subtree with anything in it equals the direct count, and the other way round. */
	private void assertTallyMatches() {
		String tallied = String.join(", ", COUNTERS.keySet().stream()
			.map(name -> name.equals("resolution_seconds") ? "round(t.resolution_seconds, 3) as resolution_seconds" : "t." + name)
			.toList());
		List<Map<String, Object>> tally = jdbc.sql("select t.org_id, t.filed_on, t.own, " + tallied
				+ " from case_tally t join organization o on o.id = t.org_id where o.path like :subtree and t.cases <> 0"
				+ " order by 1, 2, 3").param("subtree", subtree).query().listOfRows();
		String direct = String.join(", ", COUNTERS.entrySet().stream().map(e -> e.getValue() + " as " + e.getKey()).toList());
		List<Map<String, Object>> counted = jdbc.sql("select o.id as org_id, (c.filed_at at time zone 'Asia/Shanghai')::date"
				+ " as filed_on, c.org_id = o.id as own, " + direct
				+ " from organization o join service_case c on c.org_path like o.path || '%' where o.path like :subtree"
				+ " group by 1, 2, 3 order by 1, 2, 3").param("subtree", subtree).query().listOfRows();
		assertThat(tally).isNotEmpty().isEqualTo(counted);
		// nothing is left in a row that counts no case
		assertThat(jdbc.sql("select count(*) from case_tally t join organization o on o.id = t.org_id"
				+ " where o.path like :subtree and t.cases = 0 and (" + String.join(" + ", COUNTERS.keySet().stream()
					.map(name -> "abs(t." + name + ")").toList()) + ") <> 0").param("subtree", subtree).query(Long.class)
			.single()).isZero();

		assertThat(jdbc.sql("select t.org_id, t.filed_on, t.kind, t.category, t.cases from case_category_tally t"
				+ " join organization o on o.id = t.org_id where o.path like :subtree and t.cases <> 0 order by 1, 2, 3, 4")
			.param("subtree", subtree).query().listOfRows())
			.isEqualTo(jdbc.sql("select o.id as org_id, (c.filed_at at time zone 'Asia/Shanghai')::date as filed_on, c.kind,"
					+ " c.category, count(*) as cases from organization o join service_case c on c.org_path like o.path || '%'"
					+ " where o.path like :subtree group by 1, 2, 3, 4 order by 1, 2, 3, 4")
				.param("subtree", subtree).query().listOfRows());
		assertDueTallyMatches();
	}

	/** Open cases by the day their current step falls due, as the overdue figure reads them. */
	private void assertDueTallyMatches() {
		assertThat(jdbc.sql("select t.org_id, t.filed_on, t.due_on, t.own, t.open from case_due_tally t"
				+ " join organization o on o.id = t.org_id where o.path like :subtree and t.open <> 0 order by 1, 2, 3, 4")
			.param("subtree", subtree).query().listOfRows())
			.isEqualTo(jdbc.sql("select o.id as org_id, (c.filed_at at time zone 'Asia/Shanghai')::date as filed_on,"
					+ " case when c.state = 'SUBMITTED' then c.accept_due_on else c.resolve_due_on end as due_on,"
					+ " c.org_id = o.id as own, count(*) as open"
					+ " from organization o join service_case c on c.org_path like o.path || '%'"
					+ " where o.path like :subtree and c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')"
					+ " and (case when c.state = 'SUBMITTED' then c.accept_due_on else c.resolve_due_on end) is not null"
					+ " group by 1, 2, 3, 4 order by 1, 2, 3, 4")
				.param("subtree", subtree).query().listOfRows());
	}

	private static long filed(java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return CaseFixture.caseId(response.body());
	}

	private static void ok(java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
