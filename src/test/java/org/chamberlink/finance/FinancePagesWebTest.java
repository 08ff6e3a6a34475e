package org.chamberlink.finance;

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
 * The financing pages and API as staff meet them: an agreement, a referral recommended and granted
 * through the API, shown on the pages and figures (¥160,000,000.00 style money); refused forms come
 * back with 422, the field's Chinese message and what was typed; an auditor sees no actions; the
 * neighbour's ids answer 404.
 */
@IntegrationTest
@Tag("database")
class FinancePagesWebTest {

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

	long member;

	@BeforeEach
	void plantTree() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("融资页");
		token = tree.token(tree.county(), Role.STAFF);
		AccountPrincipal account = tree.account(tree.county(), Role.STAFF);
		staff = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		member = MemberFixture.enterprise(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "融资页企业" + tree.tag(),
				MemberFixture.creditCode(), MemberFixture.phone());
	}

	@Test
	void aReferralWorkedThroughTheApiShowsOnThePagesAndFigures() {
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		long agreement = Json.created(Api.post(port, "/api/v1/finance/agreements", token, "{\"orgId\":" + tree.county()
				+ ",\"bank\":\"页银行" + tree.tag() + "\",\"creditLine\":\"200000000\",\"terms\":\"联保\"}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/finance/agreements", token, "{\"orgId\":" + tree.county()
				+ ",\"bank\":\"页银行\",\"creditLine\":\"1万\"}"), "creditLine", "“授信额度（元）”须以元为单位");
		long referral = Json.created(Api.post(port, "/api/v1/finance/referrals", token, "{\"partyId\":" + member + ",\"orgId\":"
				+ tree.chamber() + ",\"amount\":\"160000000\",\"purpose\":\"建设新厂\",\"termMonths\":60}"));
		Refusals.assertApiRefused(Api.post(port, "/api/v1/finance/referrals/" + referral + "/recommend", token, "{\"bank\":\"无协议银行\"}"),
				"bank", "没有有效的合作协议");
		Api.post(port, "/api/v1/finance/referrals/" + referral + "/recommend", token, "{\"agreementId\":" + agreement + "}");
		HttpResponse<String> granted = Api.post(port, "/api/v1/finance/referrals/" + referral + "/grant", token,
				"{\"grantedAmount\":\"160,000,000\",\"rate\":\"3.85\",\"decidedOn\":\"" + today + "\"}");
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
		assertThat(Json.read(granted.body(), "$.status").toString()).isEqualTo("GRANTED");

		assertThat(staff.get("/finance/agreements").body()).contains("页银行" + tree.tag(), "¥200,000,000.00");
		assertThat(staff.get("/finance/referrals").body()).contains("融资页企业" + tree.tag(), "¥160,000,000.00", "已放款");
		assertThat(staff.get("/finance/referrals/" + referral).body()).contains("¥160,000,000.00 · 3.85%");
		String figures = staff.get("/figures/finance").body();
		assertThat(figures).contains("data-testid=\"figure-granted-amount\">¥160,000,000.00<", "页银行" + tree.tag());

		// refused forms: 422, the message on the field, what was typed kept
		HttpResponse<String> refused = staff.postForm("/finance/agreements", Map.of("orgId", Long.toString(tree.county()), "bank",
				"某银行", "creditLine", "12.345"));
		Refusals.assertFormKept(refused, "creditLine", "不能写“12.345”", "某银行", "12.345");
		long second = Json.created(Api.post(port, "/api/v1/finance/referrals", token, "{\"partyId\":" + member + ",\"orgId\":"
				+ tree.chamber() + ",\"amount\":\"1000\",\"purpose\":\"周转\",\"termMonths\":6}"));
		Refusals.assertStepRefused(staff.postForm("/finance/referrals/" + second + "/recommend", Map.of("bank", "无协议银行")),
				"agreementId", "", "");
		HttpResponse<String> fund = staff.postForm("/finance/funds/" + tree.chamber() + "/entries", Map.of("kind", "GUARANTEE", "amount",
				"5000", "partyId", Long.toString(member), "note", "担保"));
		Refusals.assertStepRefused(fund, "amount", "超过基金可用余额", "5000");
		assertThat(jdbc.sql("select count(*) from finance_fund_entry where org_id = :o").param("o", tree.chamber()).query(Long.class)
			.single()).isZero();
		staff.postForm("/finance/funds/" + tree.chamber() + "/entries", Map.of("kind", "CONTRIBUTION", "amount", "8000", "partyId",
				Long.toString(member)));
		assertThat(staff.get("/finance/funds/" + tree.chamber()).body()).contains("data-testid=\"fund-available\">¥8,000.00<");

		// an auditor reads, with no actions
		AccountPrincipal auditor = tree.account(tree.county(), Role.AUDITOR);
		WebSession reader = WebSession.signedIn(port, auditor.getUsername(), TestAccounts.PASSWORD);
		assertThat(reader.get("/finance/referrals/" + second).body()).contains("融资页企业" + tree.tag())
			.doesNotContain("data-testid=\"recommend-form\"", "data-testid=\"refuse-form\"");
		assertThat(reader.get("/finance/agreements").body()).doesNotContain("data-testid=\"agreement-form\"");

		// the neighbouring county: 404, like an id that does not exist
		String neighbour = tree.token(tree.neighbourCounty(), Role.STAFF);
		assertThat(Api.get(port, "/api/v1/finance/referrals/" + referral, neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/finance/agreements/" + agreement, neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/finance/funds/" + tree.chamber(), neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/finance/referrals/" + second + "/refuse", neighbour, "{\"reason\":\"x\"}").statusCode())
			.isEqualTo(404);
	}

}
