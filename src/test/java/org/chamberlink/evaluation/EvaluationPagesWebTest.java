package org.chamberlink.evaluation;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation pages and API: a county opens a campaign (a refused form keeps what was typed,
 * 422), the chamber starts its evaluation and sees its indicators with links to the records, a
 * score above the maximum is refused on the page and over the API, and a neighbour county meets
 * the campaign and the evaluation as if they did not exist (404), by page and by API.
 */
@IntegrationTest
@Tag("database")
class EvaluationPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Schemes schemes;

	EvaluationScene scene;

	OrganizationFixture fixture;

	@BeforeEach
	void plant() {
		scene = EvaluationScene.plant(beans, port, "评页");
		fixture = scene.fixture();
	}

	WebSession session(long org, Role role) {
		var account = fixture.account(org, role);
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	Long sihao() {
		return schemes.list().stream().filter(s -> s.code().equals("SIHAO")).findFirst().orElseThrow().id();
	}

	@Test
	void aCountyOpensACampaignAndTheChamberSeesItsIndicatorsWhileANeighbourSeesNothing() {
		String year = String.valueOf(LocalDate.now(ChinaTime.ZONE).getYear());
		String submitBy = LocalDate.now(ChinaTime.ZONE).plusDays(20).toString();
		WebSession county = session(scene.county(), Role.FEDERATION_ADMIN);
		assertThat(county.get("/evaluations").body()).contains("data-testid=\"new-campaign\"");
		var refused = county.postForm("/evaluations/campaigns", Map.of("schemeId", sihao().toString(), "year", year,
				"noticeDays", "0", "submitBy", submitBy, "title", "县级四好评选"));
		Refusals.assertFormKept(refused, "noticeDays", "公示天数须为 1 至 60 天", "县级四好评选");
		var opened = county.postForm("/evaluations/campaigns", Map.of("schemeId", sihao().toString(), "year", year,
				"noticeDays", "7", "submitBy", submitBy, "title", "县级四好评选"));
		assertThat(opened.statusCode()).isEqualTo(302);
		String campaignPage = county.location(opened);
		long campaignId = Long.parseLong(campaignPage.replaceAll(".*/", ""));
		assertThat(county.get(campaignPage).body()).contains("data-testid=\"board\"", "data-status=\"NOT_STARTED\"");

		WebSession chamber = session(scene.chamber(), Role.CHAMBER_ADMIN);
		assertThat(chamber.get("/evaluations").body()).contains("县级四好评选").doesNotContain("data-testid=\"new-campaign\"");
		var started = chamber.postForm("/evaluations/campaigns/" + campaignId + "/start", Map.of());
		assertThat(started.statusCode()).isEqualTo(302);
		String evaluationPage = chamber.location(started);
		long evaluationId = Long.parseLong(evaluationPage.replaceAll(".*/", ""));
		String page = chamber.get(evaluationPage).body();
		assertThat(page).contains("data-testid=\"indicator-REGISTERED\"", "已在民政部门登记", "href=\"/organizations/" + scene.chamber() + "\"",
				"data-testid=\"indicator-DUES_RATE\"", "会费收缴率", "data-testid=\"submit-evaluation\"");
		Long criterion = jdbc.sql("select id from evaluation_criterion where scheme_id = :s and evidence = 'ATTACHMENT' order by id limit 1")
			.param("s", sihao())
			.query(Long.class)
			.single();
		var tooMany = chamber.postForm("/evaluations/" + evaluationId + "/self-scores",
				Map.of("criterionId", criterion.toString(), "points", "99", "comment", "自评说明"));
		Refusals.assertStepRefused(tooMany, "points", "评分不能超过满分", "99", "自评说明");
		assertThat(jdbc.sql("select count(*) from evaluation_score where evaluation_id = :e").param("e", evaluationId)
			.query(Long.class).single()).isZero();

		// over the API: evidence, submission, and a county's score above the maximum refused
		String chamberToken = fixture.tokenIn(scene.chamber(), Role.CHAMBER_ADMIN);
		assertThat(Api.post(port, "/api/v1/evaluations/" + evaluationId + "/evidence", chamberToken,
				"{\"criterionId\":" + criterion + ",\"link\":\"https://example.org/x\"}").statusCode()).isEqualTo(200);
		assertThat(Api.post(port, "/api/v1/evaluations/" + evaluationId + "/submit", chamberToken, "{}").statusCode()).isEqualTo(200);
		String countyToken = fixture.tokenIn(scene.county(), Role.FEDERATION_ADMIN);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/evaluations/" + evaluationId + "/scores", countyToken,
				"{\"criterionId\":" + criterion + ",\"points\":11}"), "points", "评分不能超过满分");
		var board = Api.get(port, "/api/v1/evaluation-campaigns/" + campaignId + "/board", countyToken);
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("\"status\":\"SUBMITTED\"");
		assertThat(county.get(evaluationPage).body()).contains("data-testid=\"pass-evaluation\"", "data-testid=\"return-evaluation\"");

		// a neighbour county: the campaign and the evaluation do not exist for it
		WebSession neighbour = session(scene.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(neighbour.get(campaignPage).statusCode()).isEqualTo(404);
		assertThat(neighbour.get(evaluationPage).statusCode()).isEqualTo(404);
		String neighbourToken = fixture.tokenIn(scene.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/evaluation-campaigns/" + campaignId, neighbourToken).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/evaluations/" + evaluationId, neighbourToken).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/evaluations/" + evaluationId + "/pass", neighbourToken, "{}").statusCode()).isEqualTo(404);

		// figures, recognitions and schemes pages
		assertThat(county.get("/figures/evaluations?org=" + scene.county()).body()).contains("evaluation-figures-below");
		assertThat(county.get("/evaluations/recognitions").statusCode()).isEqualTo(200);
		assertThat(county.get("/evaluations/schemes/" + sihao()).body()).contains("四好商会", "政治引领好");
		assertThat(chamber.get("/evaluations/honours").body()).contains("data-testid=\"honours\"");
		assertThat(chamber.get("/organizations/" + scene.chamber()).body()).contains("/evaluations/honours?org=" + scene.chamber());
		assertThat(Json.<Integer>read(Api.get(port, "/api/v1/evaluation-schemes", countyToken).body(), "$.length()")).isGreaterThanOrEqualTo(4);
	}

}
