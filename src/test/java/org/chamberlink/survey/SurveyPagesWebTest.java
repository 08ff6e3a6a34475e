package org.chamberlink.survey;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey pages and API over HTTP: the builder's refusal keeps what was typed (422), the preset
 * and publishing, a member's refused answer (422, nothing written) and accepted one, the results
 * page, the API's problem details, and a neighbour's survey answering 404 everywhere.
 */
@IntegrationTest
class SurveyPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Surveys surveys;

	private WebSession web(AccountPrincipal account) {
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void staffBuildPublishAndReadResultsMembersAnswerOnce() {
		SurveyScene scene = new SurveyScene(port, accounts, tokens, jdbc, surveys, "问卷页面");
		WebSession staff = web(scene.staff);
		assertThat(staff.get("/surveys").statusCode()).isEqualTo(200);
		assertThat(staff.get("/surveys/new").statusCode()).isEqualTo(200);

		// a single choice with one option: refused, what was typed kept
		Map<String, String> form = new HashMap<>(Map.of("orgId", String.valueOf(scene.tree.county()), "title", "会员服务需求调查",
				"opensAt", "2030-03-01T09:00", "closesAt", "2030-03-15T18:00", "audience", "SUBTREE", "anonymous", "true",
				"questionTexts", "您最需要的服务", "questionKinds", "SINGLE", "questionOptions", "融资", "questionRequired", "true"));
		HttpResponse<String> refused = staff.postForm("/surveys/new", form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("第 1 题是选择题，请至少填写两个选项").contains("value=\"会员服务需求调查\"")
			.contains("value=\"您最需要的服务\"");
		form.put("questionOptions", "融资\n法律");
		HttpResponse<String> saved = staff.postForm("/surveys/new", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		String created = staff.location(saved);
		assertThat(staff.get(created).body()).contains("会员服务需求调查").contains("融资").contains("法律");

		// the preset, published
		HttpResponse<String> preset = staff.postForm("/surveys/preset", Map.of("orgId", String.valueOf(scene.tree.county())));
		String path = staff.location(preset);
		Long id = Long.valueOf(path.replaceAll(".*/surveys/(\\d+).*", "$1"));
		assertThat(staff.postForm("/surveys/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
		// publishing twice: the step refused on the page
		HttpResponse<String> twice = staff.postForm("/surveys/" + id + "/publish", Map.of());
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("只有草稿可以发布");

		// a member: a required question blank → 422, nothing written; then the answer
		AccountPrincipal member = scene.member(scene.tree.chamber(), "吴会员");
		WebSession portal = web(member);
		String page = portal.get("/portal/surveys").body();
		assertThat(page).contains("公认度和满意度测评");
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		List<QuestionView> q = survey.questions();
		portal.get("/portal/surveys/" + id);
		HttpResponse<String> blank = portal.postForm("/portal/surveys/" + id,
				Map.of(q.get(0).field(), "5", q.get(1).field(), "4", q.get(3).field(), "0"));
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(blank.body(), q.get(2).field())).isEqualTo("第 3 题为必答题，请作答");
		assertThat(jdbc.sql("select count(*) from survey_respondent where survey_id = :s").param("s", id).query(Long.class).single())
			.isZero();
		Map<String, String> answer = Map.of(q.get(0).field(), "5", q.get(1).field(), "4", q.get(2).field(), "3", q.get(3).field(), "0");
		assertThat(portal.postForm("/portal/surveys/" + id, answer).statusCode()).isEqualTo(302);
		HttpResponse<String> again = portal.postForm("/portal/surveys/" + id, answer);
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("您已经提交过本问卷，每人只能作答一次");

		// the results: one answer, the chamber's cell hidden
		String results = staff.get("/surveys/" + id + "/results").body();
		assertThat(results).contains("data-testid=\"survey-responses\">1<").contains("不足 5 份，不单独显示");

		// the neighbour's member sees nothing of it; an answer is refused, nothing written
		AccountPrincipal outsider = scene.member(scene.tree.neighbour(), "桥西会员");
		WebSession neighbourPortal = web(outsider);
		assertThat(neighbourPortal.get("/portal/surveys/" + id).statusCode()).isEqualTo(404);
		neighbourPortal.get("/portal/surveys");
		HttpResponse<String> outside = neighbourPortal.postForm("/portal/surveys/" + id, answer);
		assertThat(outside.statusCode()).isEqualTo(422);
		assertThat(outside.body()).contains("您不在本问卷的调查对象范围内，不能作答");
		assertThat(jdbc.sql("select count(*) from survey_respondent where survey_id = :s").param("s", id).query(Long.class).single())
			.isEqualTo(1);

		// the neighbour's staff: 404 on every page and endpoint of it
		WebSession neighbour = web(scene.neighbourStaff);
		for (String other : List.of("/surveys/" + id, "/surveys/" + id + "/results")) {
			assertThat(neighbour.get(other).statusCode()).as(other).isEqualTo(404);
		}
		assertThat(neighbour.postForm("/surveys/" + id + "/close", Map.of()).statusCode()).isEqualTo(404);
		String neighbourToken = scene.tree.token(scene.tree.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/surveys/" + id + "/results", neighbourToken).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/surveys/" + id, neighbourToken).statusCode()).isEqualTo(404);
	}

	@Test
	void theApiBuildsPublishesAndCountsAndRefusesWithProblemDetails() {
		SurveyScene scene = new SurveyScene(port, accounts, tokens, jdbc, surveys, "问卷接口");
		String token = scene.tree.token(scene.tree.county(), Role.FEDERATION_ADMIN);
		HttpResponse<String> refused = Api.post(port, "/api/v1/surveys", token, "{\"orgId\":" + scene.tree.county()
				+ ",\"title\":\"测评\",\"anonymous\":true,\"opensAt\":\"2030-03-01T09:00\",\"closesAt\":\"2030-02-01T09:00\","
				+ "\"questions\":[{\"kind\":\"RATING\",\"text\":\"满意吗\",\"required\":true}]}");
		Refusals.assertApiRefused(refused, "closesAt", "截止时间须晚于开始时间");
		HttpResponse<String> created = Api.post(port, "/api/v1/surveys", token, "{\"orgId\":" + scene.tree.county()
				+ ",\"title\":\"测评\",\"anonymous\":false,\"opensAt\":\"2026-01-01T09:00\",\"closesAt\":\"2099-02-01T09:00\","
				+ "\"questions\":[{\"kind\":\"RATING\",\"text\":\"满意吗\",\"required\":true},"
				+ "{\"kind\":\"MULTIPLE\",\"text\":\"需要什么\",\"required\":false,\"options\":[\"融资\",\"法律\"]}]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Json.number(created.body(), "$.id");
		assertThat(Api.post(port, "/api/v1/surveys/" + id + "/publish", token, "").statusCode()).isEqualTo(200);
		HttpResponse<String> results = Api.get(port, "/api/v1/surveys/" + id + "/results", token);
		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(Json.number(results.body(), "$.responses")).isZero();
		assertThat((List<?>) com.jayway.jsonpath.JsonPath.read(results.body(), "$.questions")).hasSize(2);
		// a named survey keeps who answered what
		AccountPrincipal member = scene.member(scene.tree.chamber(), "周实名");
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		WebSession portal = web(member);
		portal.get("/portal/surveys/" + id);
		assertThat(portal.postForm("/portal/surveys/" + id, Map.of(survey.questions().get(0).field(), "4")).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("select party_id from survey_response_author where survey_id = :s").param("s", id).query(Long.class).list())
			.containsExactly(scene.partyOf(member));
		assertThat(Api.post(port, "/api/v1/surveys/" + id + "/close", token, "").statusCode()).isEqualTo(200);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/surveys/" + id + "/close", token, ""), "status",
				"只有进行中的问卷可以提前结束");
	}

}
