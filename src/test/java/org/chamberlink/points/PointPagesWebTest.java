package org.chamberlink.points;

import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points pages and API: a federation adds a rule (a negative cap refused with the typed values
 * kept, 422, by page and by API), a chamber claims with evidence (none refused), the county approves,
 * the ranking shows the chamber and exports it to Excel, the chamber's page shows its points, rank
 * and why; a chamber sees no rule or decision buttons; the neighbour's standing is not found.
 */
@IntegrationTest
@Tag("database")
class PointPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	WebSession county;

	WebSession chamber;

	@BeforeEach
	void plantTree() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("积分页");
		county = WebSession.signedIn(port, tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		chamber = WebSession.signedIn(port, tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void aRuleAClaimWithEvidenceItsApprovalTheRankingItsExportAndTheChambersStanding() {
		HttpResponse<String> refused = county.postForm("/points/rules", Map.of("name", "招商引资", "category", "INVESTMENT",
				"action", "MANUAL", "points", "20", "yearlyCap", "-5", "appliesTo", "CHAMBER"));
		Refusals.assertFormKept(refused, "yearlyCap", "年度上限不能为负数", "招商引资", "-5");
		assertThat(county.get("/points/rules?preset=INVESTMENT").body()).contains("value=\"推动招商引资\"", "value=\"20\"");
		HttpResponse<String> saved = county.postForm("/points/rules", Map.of("name", "招商引资", "category", "INVESTMENT",
				"action", "MANUAL", "points", "20", "yearlyCap", "100", "appliesTo", "CHAMBER"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		long rule = jdbc.sql("select id from point_rule where organiser_id = :o").param("o", tree.county()).query(Long.class).single();

		String rules = chamber.get("/points/rules").body();
		assertThat(rules).contains("招商引资", "推动招商引资").doesNotContain("data-testid=\"rule-form\"", "/backfill");
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		HttpResponse<String> noEvidence = chamber.postForm("/points/claims", Map.of("ruleId", Long.toString(rule),
				"description", "引进项目一个", "happenedOn", today));
		assertThat(noEvidence.statusCode()).isEqualTo(422);
		assertThat(noEvidence.body()).contains("请上传佐证材料", "引进项目一个");
		HttpResponse<String> claimed = chamber.postFile("/points/claims", "合同.pdf", new byte[] { 37, 80, 68, 70 },
				Map.of("ruleId", Long.toString(rule), "description", "引进项目一个", "happenedOn", today));
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(302);
		long claim = jdbc.sql("select id from point_claim where org_id = :o").param("o", tree.chamber()).query(Long.class).single();
		assertThat(chamber.get("/points/claims").body()).contains("引进项目一个", "待审核").doesNotContain("data-testid=\"claim-approve\"");
		assertThat(chamber.download("/points/claims/" + claim + "/evidence")).containsExactly(37, 80, 68, 70);

		assertThat(county.get("/points/claims").body()).contains("data-testid=\"claim-approve\"");
		assertThat(county.postForm("/points/claims/" + claim + "/approve", Map.of()).statusCode()).isEqualTo(302);
		String ranking = county.get("/points").body();
		assertThat(ranking).contains("长安区积分页商会", "data-testid=\"ranking-points\"", ">20<");
		byte[] xlsx = county.download("/points/export");
		assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");

		// the chamber's own page: its points, its rank in the county and province, and why
		HttpResponse<String> own = chamber.get("/points");
		assertThat(own.statusCode()).isEqualTo(302);
		String standing = chamber.get(chamber.location(own)).body();
		assertThat(standing).contains("data-testid=\"standing-points\">20<", "第 1 名 / 共 1 个", "招商引资", "+20", "申报 #" + claim);
		assertThat(chamber.get("/points/orgs/" + tree.neighbour()).statusCode()).isEqualTo(404);
	}

	@Test
	void theApiRefusesANegativeCapAndAClaimWithoutEvidenceAndAnswersTheNeighbourAsNotFound() {
		String countyToken = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/points/rules", countyToken, "{\"name\":\"招商\",\"category\":\"INVESTMENT\","
				+ "\"action\":\"MANUAL\",\"points\":5,\"yearlyCap\":-1,\"appliesTo\":\"CHAMBER\"}"), "yearlyCap", "年度上限不能为负数");
		long rule = Json.created(Api.post(port, "/api/v1/points/rules", countyToken, "{\"name\":\"招商\",\"category\":\"INVESTMENT\","
				+ "\"action\":\"MANUAL\",\"points\":5,\"appliesTo\":\"CHAMBER\"}"));
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		assertThat(Api.get(port, "/api/v1/points/rules", chamberToken).body()).contains("招商");
		assertThat(Api.post(port, "/api/v1/points/rules", chamberToken, "{}").statusCode()).isEqualTo(403);
		HttpResponse<String> claimed = Api.postFile(port, "/api/v1/points/claims?ruleId=" + rule + "&description=x&happenedOn="
				+ LocalDate.now(ChinaTime.ZONE), chamberToken, "证明.jpg", new byte[] { 1, 2 });
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
		assertThat(Json.text(claimed.body(), "$.status")).isEqualTo("PENDING");
		long claim = Json.number(claimed.body(), "$.id");
		assertThat(Api.post(port, "/api/v1/points/claims/" + claim + "/approve", chamberToken, "{}").statusCode()).isEqualTo(422);
		assertThat(Api.post(port, "/api/v1/points/claims/" + claim + "/approve", countyToken, "{}").statusCode()).isEqualTo(200);
		HttpResponse<String> standing = Api.get(port, "/api/v1/points/organizations/" + tree.chamber(), chamberToken);
		assertThat(Json.number(standing.body(), "$.points")).isEqualTo(5);
		assertThat(Api.get(port, "/api/v1/points/ranking?orgId=" + tree.county(), countyToken).body()).contains("\"points\":5");
		assertThat(Api.get(port, "/api/v1/points/organizations/" + tree.neighbour(), chamberToken).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/points/claims/" + claim, tree.token(tree.neighbour(), Role.CHAMBER_ADMIN)).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + tree.county() + "/figures/points.points", countyToken).body())
			.contains("5");
	}

}
