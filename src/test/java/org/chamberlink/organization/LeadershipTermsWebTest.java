package org.chamberlink.organization;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A term entered wrongly is corrected; a president who resigns has the term ended early, with the reason. */
@IntegrationTest
class LeadershipTermsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	static final LocalDate TODAY = LocalDate.now(ChinaTime.ZONE);

	@Test
	void aMistypedTermIsCorrectedAndAResignedPresidentsTermEndsEarlyWithTheReason() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("任期");
		String token = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		String base = "/api/v1/organizations/" + tree.chamber() + "/leadership";
		long president = term(token, base, "PRESIDENT", "王建困", TODAY.minusYears(2), TODAY.plusYears(3));
		long next = term(token, base, "PRESIDENT", "李新", TODAY.plusYears(3), TODAY.plusYears(8));

		var corrected = Api.put(port, base + "/" + president, token, json("PRESIDENT", "王建国", TODAY.minusYears(2),
				TODAY.plusYears(3)));
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(Json.text(corrected.body(), "$.personName")).isEqualTo("王建国");
		// moving the term over the next president's is refused as a new term would be
		Refusals.assertApiRefused(Api.put(port, base + "/" + president, token, json("PRESIDENT", "王建国",
				TODAY.minusYears(2), TODAY.plusYears(4))), "startsOn", "会长任期重叠");

		Refusals.assertApiRefused(Api.post(port, base + "/" + president + "/end", token,
				"{\"endsOn\":\"" + TODAY.plusYears(5) + "\",\"reason\":\"辞职\"}"), "endsOn", "须早于原定任期结束");
		Refusals.assertApiRefused(Api.post(port, base + "/" + president + "/end", token,
				"{\"endsOn\":\"" + TODAY + "\",\"reason\":\" \"}"), "reason", "结束原因");
		var ended = Api.post(port, base + "/" + president + "/end", token,
				"{\"endsOn\":\"" + TODAY + "\",\"reason\":\"因病辞职\"}");
		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
		assertThat(Json.text(ended.body(), "$.endsOn")).isEqualTo(TODAY.toString());
		assertThat(Json.text(ended.body(), "$.endReason")).isEqualTo("因病辞职");

		WebSession admin = WebSession.signedIn(port, tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		String page = admin.get("/organizations/" + tree.chamber()).body();
		assertThat(page).contains("提前结束：因病辞职", "更正领导班子任期", "提前结束领导班子任期", "王建困", "王建国");

		// a read-only leader reads the terms and is offered neither form
		String leader = WebSession.signedIn(port, tree.account(tree.county(), Role.AUDITOR).getUsername(),
				TestAccounts.PASSWORD).get("/organizations/" + tree.chamber()).body();
		assertThat(leader).contains("提前结束：因病辞职").doesNotContain("correct-term", "end-term");

		// a date the calendar cannot mean, typed into the page's correction form, is refused on it
		var yearZero = admin.postForm("/organizations/" + tree.chamber() + "/leadership/" + next, Map.of("role", "PRESIDENT",
				"personName", "李新", "startsOn", "0000-01-01", "endsOn", TODAY.plusYears(8).toString()));
		assertThat(yearZero.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(yearZero.body(), "term")).contains("1900");

		// a refused end comes back under its term, open, with what was typed
		var refused = admin.postForm("/organizations/" + tree.chamber() + "/leadership/" + next + "/end",
				Map.of("endsOn", TODAY.plusYears(9).toString(), "reason", "调任"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(refused.body(), "endTerm")).contains("须早于原定任期结束");
		assertThat(refused.body()).contains("value=\"调任\"");

		// the neighbour's term is not found through this chamber, nor the neighbour's chamber at all
		long neighbours = term(tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN),
				"/api/v1/organizations/" + tree.neighbour() + "/leadership", "PRESIDENT", "赵某", TODAY.minusYears(1),
				TODAY.plusYears(4));
		var through = Api.post(port, base + "/" + neighbours + "/end", token, "{\"endsOn\":\"" + TODAY + "\",\"reason\":\"x\"}");
		var outside = Api.post(port, "/api/v1/organizations/" + tree.neighbour() + "/leadership/" + neighbours + "/end",
				token, "{\"endsOn\":\"" + TODAY + "\",\"reason\":\"x\"}");
		assertThat(through.statusCode()).isEqualTo(404);
		assertThat(outside.statusCode()).isEqualTo(404);
		assertThat(Json.text(through.body(), "$.detail")).isEqualTo(Json.text(outside.body(), "$.detail"));
		assertThat(jdbc.sql("select end_reason from leadership_term where id = :id").param("id", neighbours)
			.query(String.class).optional()).isEmpty();
	}

	private long term(String token, String base, String role, String name, LocalDate starts, LocalDate ends) {
		var created = Api.post(port, base, token, json(role, name, starts, ends));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Json.number(created.body(), "$.id");
	}

	private static String json(String role, String name, LocalDate starts, LocalDate ends) {
		return "{\"role\":\"" + role + "\",\"personName\":\"" + name + "\",\"nonPublicEconomy\":true,\"startsOn\":\""
				+ starts + "\",\"endsOn\":\"" + ends + "\"}";
	}

}
