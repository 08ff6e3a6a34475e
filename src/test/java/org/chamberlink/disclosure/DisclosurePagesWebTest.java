package org.chamberlink.disclosure;

import java.net.http.HttpResponse;
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
 * The 三公开 API and pages: a disclosure started through the API (a year to come refused 422), an
 * expense on the page refused without its voucher (422, what was typed kept, nothing written) and
 * accepted with it, published by the chamber's officer; the member reads it in the portal, the
 * county's board shows who has not published, and the neighbour gets 404.
 */
@IntegrationTest
@Tag("database")
class DisclosurePagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChamberPublishesItsFinancesOnThePagesAndAMemberReadsThem() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("公开页");
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, tree.chamber(), "页公开会员" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		Refusals.assertApiRefused(Api.post(port, "/api/v1/disclosures", admin, "{\"orgId\":" + tree.chamber() + ",\"year\":"
				+ (year + 1) + "}"), "year", String.valueOf(year));
		long id = Json.created(Api.post(port, "/api/v1/disclosures", admin, "{\"orgId\":" + tree.chamber() + ",\"year\":" + year + "}"));
		assertThat(Api.post(port, "/api/v1/disclosures/" + id + "/texts", admin, "{\"partyText\":\"党支部换届\"}").statusCode())
			.isEqualTo(200);
		assertThat(Api.post(port, "/api/v1/disclosures/" + id + "/resolutions", admin, "{\"text\":\"通过会费标准\"}").statusCode())
			.isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/disclosures/" + id, tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN)).statusCode())
			.isEqualTo(404);

		WebSession officer = WebSession.signedIn(port, tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		Refusals.assertStepRefused(officer.postForm("/disclosures/" + id + "/expenses", Map.of("spentOn", year + "-01-05",
				"category", "OFFICE", "purpose", "打印机墨盒", "amount", "120.50")), "voucher", "凭证", "打印机墨盒", "120.50");
		assertThat(jdbc.sql("select count(*) from disclosure_expense where disclosure_id = :d").param("d", id).query(Long.class).single())
			.isZero();
		HttpResponse<String> added = officer.postFile("/disclosures/" + id + "/expenses", "墨盒发票.pdf", "%PDF-1.4".getBytes(),
				Map.of("spentOn", year + "-01-05", "category", "OFFICE", "purpose", "打印机墨盒", "amount", "120.50"));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
		HttpResponse<String> detail = officer.get("/disclosures/" + id);
		assertThat(detail.body()).contains("打印机墨盒", "¥120.50", "墨盒发票.pdf", "通过会费标准", "data-testid=\"publish\"");
		Refusals.assertStepRefused(officer.postForm("/disclosures", Map.of("orgId", Long.toString(tree.chamber()), "year",
				Integer.toString(year))), "year", "已存在", Integer.toString(year));

		WebSession staff = WebSession.signedIn(port, tree.account(tree.chamber(), Role.STAFF).getUsername(), TestAccounts.PASSWORD);
		assertThat(staff.get("/disclosures/" + id).body()).doesNotContain("data-testid=\"publish\"");
		assertThat(officer.postForm("/disclosures/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
		assertThat(officer.get("/disclosures/" + id).body()).contains("已公开").doesNotContain("data-testid=\"expense-form\"");

		WebSession county = WebSession.signedIn(port, tree.account(tree.county(), Role.STAFF).getUsername(), TestAccounts.PASSWORD);
		String board = county.get("/disclosures/board?year=" + year).body();
		assertThat(board).contains("data-testid=\"disclosure-board\"", tree.countyName(), "未公开");
		assertThat(Api.get(port, "/api/v1/disclosures/board?orgId=" + tree.county() + "&year=" + year, tree.token(tree.county(),
				Role.STAFF)).body()).contains("\"published\":true");

		var account = CaseFixture.memberAccount(accountManagement, jdbc, person);
		WebSession member = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		assertThat(member.get("/portal/disclosures").body()).contains("/portal/disclosures/" + id);
		assertThat(member.get("/portal/disclosures/" + id).body()).contains("党支部换届", "通过会费标准", "打印机墨盒", "-¥120.50");
		assertThat(member.get("/disclosures/" + id).statusCode()).isEqualTo(403);
	}

}
