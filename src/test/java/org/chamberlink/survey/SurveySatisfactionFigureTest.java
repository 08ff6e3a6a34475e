package org.chamberlink.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationBoard;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.IndicatorValue;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureValue;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey results feed the evaluation's indicators (issue 20): the satisfaction preset's ratings give
 * the figure {@code survey.satisfactionRate} of the respondents' organisations (ratings 4 or 5 of all
 * ratings), a survey with fewer than five respondents in a node adds nothing there, and a scheme
 * criterion bound to {@link Indicator#SATISFACTION} is pre-filled from the real answers.
 */
@IntegrationTest
@Tag("database")
class SurveySatisfactionFigureTest {

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

	@Autowired
	SurveyAnswers answers;

	@Autowired
	Figures figures;

	@Autowired
	Campaigns campaigns;

	@Autowired
	EvaluationBoard evaluations;

	@Test
	void theSatisfactionPresetsRatingsPreFillAnEvaluationCriterion() {
		SurveyScene scene = new SurveyScene(port, accounts, tokens, jdbc, surveys, "满意度指标");
		Long id = scene.openSatisfaction();
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		List<QuestionView> q = survey.questions();
		// five members of the chamber rate overall 5, 4, 4, 3, 5 and the other two ratings 4 and 5; two of the county itself rate
		// 1, 4, 5 and 2, 4, 5
		int[] chamberRatings = { 5, 4, 4, 3, 5 };
		for (int i = 0; i < chamberRatings.length; i++) {
			answers.answer(scene.member(scene.tree.chamber(), "满意会员" + i), id, rating(q, chamberRatings[i]));
		}
		answers.answer(scene.member(scene.tree.county(), "区会员甲"), id, rating(q, 1));
		answers.answer(scene.member(scene.tree.county(), "区会员乙"), id, rating(q, 2));
		// a survey staff built themselves is no satisfaction survey: its ratings count nowhere
		Long named = scene.openNamed("一般问卷", SurveyScene.now().minusMinutes(1));
		SurveyView other = SurveyScene.as(scene.staff, () -> surveys.get(named));
		for (int i = 0; i < 5; i++) {
			answers.answer(scene.member(scene.tree.chamber(), "一般会员" + i), named, Map.of(other.questions().get(0).field(), List.of("1")));
		}

		// only the preset marks a satisfaction survey: not a survey built by staff, nor one posted to the API saying it is one
		assertThat(preset(id)).isEqualTo("SATISFACTION");
		assertThat(preset(named)).isEqualTo("NONE");
		var posted = Api.post(port, "/api/v1/surveys", scene.tree.token(scene.tree.county(), Role.FEDERATION_ADMIN),
				"{\"orgId\":" + scene.tree.county() + ",\"title\":\"自称测评\",\"anonymous\":true,\"satisfaction\":true,"
						+ "\"opensAt\":\"2026-01-01T09:00\",\"closesAt\":\"2099-02-01T09:00\","
						+ "\"questions\":[{\"kind\":\"RATING\",\"text\":\"满意吗\",\"required\":true}]}");
		assertThat(posted.statusCode()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from survey where title = '自称测评' and org_id = :o and preset is null")
			.param("o", scene.tree.county()).query(Long.class).single()).isEqualTo(1);

		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		FigurePeriod year = new FigurePeriod(LocalDate.of(today.getYear(), 1, 1), today);
		// the chamber: 15 ratings, 14 of them 4 or 5
		FigureValue chamber = SurveyScene.as(scene.staff, () -> figures.value("survey.satisfactionRate", scene.tree.chamber(), year));
		assertThat(chamber.value()).isEqualByComparingTo("93.33");
		assertThat(chamber.parts()).isEqualTo("14 / 15");
		// the county's subtree: 7 respondents, 21 ratings, 18 of them 4 or 5
		FigureValue county = SurveyScene.as(scene.staff, () -> figures.value("survey.satisfactionRate", scene.tree.county(), year));
		assertThat(county.parts()).isEqualTo("18 / 21");
		assertThat(county.value()).isEqualByComparingTo("85.71");
		// the county's own level has two respondents: fewer than five, not shown apart (nothing to divide)
		Figures.Result drillDown = SurveyScene.as(scene.staff, () -> figures.figure("survey.satisfactionRate", scene.tree.county(), year));
		assertThat(drillDown.below()).filteredOn(Figures.Below::own).singleElement()
			.satisfies(row -> assertThat(row.value().value()).isNull());
		assertThat(drillDown.below()).filteredOn(row -> scene.tree.chamber() == row.orgId()).singleElement()
			.satisfies(row -> assertThat(row.value().value()).isEqualByComparingTo("93.33"));
		// a neighbour's county sees no satisfaction of its own from this survey
		FigureValue neighbour = SurveyScene.as(scene.neighbourStaff,
				() -> figures.value("survey.satisfactionRate", scene.tree.neighbourCounty(), year));
		assertThat(neighbour.value()).isNull();

		// an evaluation scheme with a criterion measured by the satisfaction indicator: the campaign's pre-fill shows the chamber's
		long scheme = jdbc.sql("insert into evaluation_scheme (code, name, applies_to) values (:c, :n, 'CHAMBER') returning id")
			.param("c", "SAT" + scene.tree.tag()).param("n", "满意度方案" + scene.tree.tag()).query(Long.class).single();
		jdbc.sql("insert into evaluation_scheme_level (scheme_id, level, pass_mark) values (:s, 'COUNTY', 0)").param("s", scheme).update();
		long section = jdbc.sql("insert into evaluation_section (scheme_id, position, title) values (:s, 1, '会员认可') returning id")
			.param("s", scheme).query(Long.class).single();
		jdbc.sql("""
				insert into evaluation_criterion (scheme_id, section_id, position, title, max_points, evidence, indicator)
				values (:s, :sec, 1, '会员满意度', 10, 'RECORDS', 'SATISFACTION')
				""").param("s", scheme).param("sec", section).update();
		AccountPrincipal federation = scene.tree.account(scene.tree.county(), Role.FEDERATION_ADMIN);
		EvaluationBoard.Prefill prefill = SurveyScene.as(federation, () -> {
			Long campaign = campaigns.open(new CampaignForm(scheme, today.getYear(), null, 7, today.plusDays(20), null, null, null));
			return evaluations.prefill(campaign);
		});
		assertThat(prefill.indicators()).containsExactly(Indicator.SATISFACTION);
		IndicatorValue value = prefill.rows().stream()
			.filter(row -> row.board().orgId().equals(scene.tree.chamber()))
			.findFirst()
			.orElseThrow()
			.values()
			.get(Indicator.SATISFACTION);
		assertThat(value.messageKey()).isEqualTo("evaluation.indicator.satisfaction");
		assertThat(value.args()).containsExactly("93.33 %", "14 / 15");
		assertThat(value.href()).isEqualTo("/surveys");
	}

	private String preset(Long survey) {
		return jdbc.sql("select coalesce(preset, 'NONE') from survey where id = :s").param("s", survey).query(String.class).single();
	}

	/** The preset answered: the overall rating as given, the other two ratings 4 and 5, the rest as any member might. */
	private static Map<String, List<String>> rating(List<QuestionView> q, int overall) {
		return Map.of(q.get(0).field(), List.of(String.valueOf(overall)), q.get(1).field(), List.of("4"), q.get(2).field(), List.of("5"),
				q.get(3).field(), List.of("0"));
	}

}
