package org.chamberlink.survey;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A survey's course against the database: the builder's refusals, one answer per respondent (also
 * anonymous), refusals that write nothing (twice, closed, not open yet, outside the audience, a
 * required question blank), an anonymous answer that no table joins back to its respondent, the
 * results with the breakdown's small cells hidden, and the data scope.
 */
@IntegrationTest
@Tag("database")
class SurveyWorkflowTest {

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
	SurveyResults results;

	private SurveyScene scene(String topic) {
		return new SurveyScene(port, accounts, tokens, jdbc, surveys, topic);
	}

	/** All required questions of the preset answered: ratings, the single choice, two of the multiple choice. */
	private static Map<String, List<String>> presetAnswer(SurveyView survey, int rating) {
		List<QuestionView> q = survey.questions();
		return Map.of(q.get(0).field(), List.of(String.valueOf(rating)), q.get(1).field(), List.of("4"), q.get(2).field(),
				List.of("5"), q.get(3).field(), List.of("0"), q.get(4).field(), List.of("1", "3"), q.get(5).field(),
				List.of("希望多组织政策解读"));
	}

	private long rows(String table, Long survey) {
		return jdbc.sql("select count(*) from " + table + " where survey_id = :s").param("s", survey).query(Long.class).single();
	}

	@Test
	void theBuilderRefusesWhatCannotBeAnswered() {
		SurveyScene scene = scene("问卷构建");
		SurveyScene.as(scene.staff, () -> {
			var opens = SurveyScene.now().plusDays(1);
			assertThatThrownBy(() -> surveys.create(new SurveyDraft(scene.tree.county(), "", null, true, opens, opens.plusDays(1),
					null, null, null, null, List.of(new Question(QuestionKind.RATING, "满意吗", true, null)))))
				.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("title"));
			assertThatThrownBy(() -> surveys.create(new SurveyDraft(scene.tree.county(), "测评", null, true, opens, opens.minusHours(1),
					null, null, null, null, List.of(new Question(QuestionKind.RATING, "满意吗", true, null)))))
				.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.closesBeforeOpens"));
			assertThatThrownBy(() -> surveys.create(new SurveyDraft(scene.tree.county(), "测评", null, true, opens, opens.plusDays(1),
					null, null, null, null, List.of())))
				.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.noQuestions"));
			assertThatThrownBy(() -> surveys.create(new SurveyDraft(scene.tree.county(), "测评", null, true, opens, opens.plusDays(1),
					null, null, null, null, List.of(new Question(QuestionKind.SINGLE, "认可吗", true, List.of("认可"))))))
				.isInstanceOfSatisfying(RuleViolationException.class,
						e -> assertThat(e.messageKey()).isEqualTo("survey.question.optionsRequired"));
			// a neighbour's organisation is not the county's to survey
			assertThatThrownBy(() -> surveys.create(SurveyDraft.satisfactionPreset(scene.tree.neighbourCounty(), "桥西", opens)))
				.isInstanceOf(RecordNotFoundException.class);
			return null;
		});
	}

	@Test
	void eachMemberAnswersOnceAndRefusalsWriteNothing() {
		SurveyScene scene = scene("问卷作答");
		Long id = scene.openSatisfaction();
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		assertThat(survey.questions()).hasSize(6);
		AccountPrincipal member = scene.member(scene.tree.chamber(), "张满意");
		AccountPrincipal outsider = scene.member(scene.tree.neighbour(), "桥西会员");

		// a required question left blank: refused on its field, nothing written
		Map<String, List<String>> blank = new java.util.HashMap<>(presetAnswer(survey, 5));
		blank.remove(survey.questions().get(2).field());
		assertThatThrownBy(() -> answers.answer(member, id, blank))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> {
				assertThat(e.field()).isEqualTo(survey.questions().get(2).field());
				assertThat(e.messageKey()).isEqualTo("survey.answerRequired");
			});
		assertThat(rows("survey_respondent", id) + rows("survey_response", id) + rows("survey_answer", id)).isZero();

		answers.answer(member, id, presetAnswer(survey, 5));
		assertThat(rows("survey_respondent", id)).isEqualTo(1);
		assertThat(rows("survey_response", id)).isEqualTo(1);
		assertThat(rows("survey_answer", id)).isEqualTo(6);
		assertThat(answers.find(member, id)).get().extracting(SurveyAnswers.OwnSurvey::answered).isEqualTo(true);

		// twice: refused, nothing more written
		assertThatThrownBy(() -> answers.answer(member, id, presetAnswer(survey, 1)))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.answeredAlready"));
		// outside the audience: the neighbour's member does not see it, and an answer is refused
		assertThat(answers.find(outsider, id)).isEmpty();
		assertThatThrownBy(() -> answers.answer(outsider, id, presetAnswer(survey, 1)))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.outsideAudience"));
		// after closing
		AccountPrincipal late = scene.member(scene.tree.chamber(), "李迟到");
		SurveyScene.as(scene.staff, () -> {
			surveys.close(id);
			return null;
		});
		assertThatThrownBy(() -> answers.answer(late, id, presetAnswer(survey, 3)))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.closed"));
		// not open yet
		Long tomorrow = scene.openNamed("明天开始的问卷", SurveyScene.now().plusDays(1));
		assertThatThrownBy(() -> answers.answer(late, tomorrow, Map.of()))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.notOpenYet"));
		assertThat(rows("survey_respondent", id)).isEqualTo(1);
		assertThat(rows("survey_response", id)).isEqualTo(1);
		assertThat(rows("survey_answer", id)).isEqualTo(6);
		assertThat(rows("survey_response", tomorrow)).isZero();
	}

	@Test
	void anAnonymousAnswerCannotBeJoinedBackToItsRespondent() {
		SurveyScene scene = scene("匿名问卷");
		Long id = scene.openSatisfaction();
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		AccountPrincipal first = scene.member(scene.tree.chamber(), "匿名甲");
		AccountPrincipal second = scene.member(scene.tree.chamber(), "匿名乙");
		answers.answer(first, id, presetAnswer(survey, 5));
		answers.answer(second, id, presetAnswer(survey, 2));

		// who answered is known …
		assertThat(jdbc.sql("select party_id from survey_respondent where survey_id = :s").param("s", id).query(Long.class).list())
			.containsExactlyInAnyOrder(scene.partyOf(first), scene.partyOf(second));
		// … what was answered carries no party, membership or time
		assertThat(columns("survey_response")).containsExactlyInAnyOrder("id", "survey_id", "org_id");
		assertThat(rows("survey_response_author", id)).isZero();
		// no column the two sides could be joined on: the respondent table holds the survey and the party alone
		assertThat(columns("survey_respondent")).containsExactlyInAnyOrder("survey_id", "party_id");
		Set<String> answerSide = new java.util.HashSet<>(columns("survey_response"));
		answerSide.addAll(columns("survey_answer"));
		Set<String> shared = new java.util.HashSet<>(columns("survey_respondent"));
		shared.retainAll(answerSide);
		// the survey id alone is shared: it names the survey, not the person
		assertThat(shared).containsExactly("survey_id");
		// no time on either side, no sequence whose order could follow the respondents'
		assertThat(jdbc.sql("""
				select count(*) from information_schema.columns
				where table_name in ('survey_respondent', 'survey_response', 'survey_answer')
				  and (data_type like 'timestamp%' or data_type = 'date' or column_default like 'nextval%' or is_identity = 'YES')
				""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'survey_response' and column_name = 'id'")
			.query(String.class).single()).isEqualTo("uuid");
		// joining on the survey alone gives every respondent with every answer: 2 × 2 rows, nobody singled out
		assertThat(jdbc.sql("""
				select count(*) from survey_respondent p join survey_response r on r.survey_id = p.survey_id where p.survey_id = :s
				""").param("s", id).query(Long.class).single()).isEqualTo(4);
		// no other table of the schema names a response (the author table holds named surveys' only): nothing links it to anyone
		assertThat(jdbc.sql("""
				select count(*) from information_schema.columns
				where column_name = 'response_id' and table_schema = current_schema() and table_name not in ('survey_answer', 'survey_response_author')
				""").query(Long.class).single()).isZero();
	}

	private List<String> columns(String table) {
		return jdbc.sql("select column_name from information_schema.columns where table_name = :t and table_schema = current_schema()")
			.param("t", table).query(String.class).list();
	}

	@Test
	void resultsCountEveryAnswerAndHideSmallBreakdownCells() {
		SurveyScene scene = scene("问卷结果");
		Long id = scene.openSatisfaction();
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		// five members of the chamber rate 5, 4, 4, 3, 5; two of the county itself rate 1 and 2
		int[] chamberRatings = { 5, 4, 4, 3, 5 };
		for (int i = 0; i < chamberRatings.length; i++) {
			answers.answer(scene.member(scene.tree.chamber(), "商会会员" + i), id, presetAnswer(survey, chamberRatings[i]));
		}
		answers.answer(scene.member(scene.tree.county(), "区会员甲"), id, presetAnswer(survey, 1));
		answers.answer(scene.member(scene.tree.county(), "区会员乙"), id, presetAnswer(survey, 2));

		SurveyResults.Result result = SurveyScene.as(scene.staff, () -> results.of(id));
		assertThat(result.responses()).isEqualTo(7);
		assertThat(result.audience()).isEqualTo(7);
		SurveyResults.QuestionResult overall = result.questions().get(0);
		assertThat(overall.answered()).isEqualTo(7);
		assertThat(overall.counts()).extracting(SurveyResults.Count::count).containsExactly(1L, 1L, 1L, 2L, 2L);
		assertThat(overall.average()).isEqualTo("3.42");
		// the chamber's cell (5 answers) is shown, the county's own (2) hidden without figures
		assertThat(overall.breakdown()).hasSize(2);
		SurveyResults.Cell chamber = overall.breakdown().get(0);
		assertThat(chamber.orgId()).isEqualTo(scene.tree.chamber());
		assertThat(chamber.hidden()).isFalse();
		assertThat(chamber.answers()).isEqualTo(5);
		assertThat(chamber.counts()).containsExactly(0L, 0L, 1L, 2L, 2L);
		assertThat(chamber.average()).isEqualTo("4.20");
		SurveyResults.Cell county = overall.breakdown().get(1);
		assertThat(county.hidden()).isTrue();
		assertThat(county.answers()).isNull();
		assertThat(county.counts()).isEmpty();
		// the multiple choice counts each option chosen; the free texts are listed
		assertThat(result.questions().get(4).counts()).extracting(SurveyResults.Count::count).containsExactly(0L, 7L, 0L, 7L, 0L);
		assertThat(result.questions().get(5).texts()).hasSize(7).containsOnly("希望多组织政策解读");

		// a neighbour's staff: the survey and its results do not exist for them
		assertThatThrownBy(() -> SurveyScene.as(scene.neighbourStaff, () -> results.of(id))).isInstanceOf(RecordNotFoundException.class);
		assertThat(SurveyScene.as(scene.neighbourStaff, () -> surveys.list(null))).extracting(SurveyView::id).doesNotContain(id);
	}


	@Test
	void theTallyEqualsTheAnswersCountedDirectlyAndNamesNobody() {
		SurveyScene scene = scene("问卷计数");
		Long id = scene.openSatisfaction();
		SurveyView survey = SurveyScene.as(scene.staff, () -> surveys.get(id));
		List<QuestionView> q = survey.questions();
		// varied answers from two organisations: ratings 1..5, each option of the single choice, several multiple choices,
		// an optional text left out by some
		for (int i = 0; i < 7; i++) {
			Map<String, List<String>> values = new java.util.HashMap<>();
			values.put(q.get(0).field(), List.of(String.valueOf(1 + i % 5)));
			values.put(q.get(1).field(), List.of(String.valueOf(1 + (i * 3) % 5)));
			values.put(q.get(2).field(), List.of(String.valueOf(5 - i % 3)));
			values.put(q.get(3).field(), List.of(String.valueOf(i % 3)));
			if (i % 2 == 0) {
				values.put(q.get(4).field(), List.of(String.valueOf(i % 5), String.valueOf((i + 2) % 5)));
				values.put(q.get(5).field(), List.of("建议" + i));
			}
			long org = i < 5 ? scene.tree.chamber() : scene.tree.county();
			answers.answer(scene.member(org, "计数会员" + i), id, values);
		}
		// the tally, row for row, is what counting every answer gives (value -1: answered the question)
		String direct = """
				select a.question_id, a.org_id, v.value, count(*) from survey_answer a
				cross join lateral (select -1 as value union all select c from unnest(a.choices) c
				                    union all select a.rating where a.rating is not null) v
				where a.survey_id = :s group by 1, 2, 3 order by 1, 2, 3
				""";
		String tallied = "select question_id, org_id, value, answers from survey_tally where survey_id = :s order by 1, 2, 3";
		List<List<Long>> expected = jdbc.sql(direct).param("s", id)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
		assertThat(expected).hasSizeGreaterThan(20);
		assertThat(jdbc.sql(tallied).param("s", id).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list()).isEqualTo(expected);
		assertThat(jdbc.sql("select org_id, responses from survey_response_tally where survey_id = :s order by org_id").param("s", id)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list())
			.isEqualTo(jdbc.sql("select org_id, count(*) from survey_response where survey_id = :s group by 1 order by 1").param("s", id)
				.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list());
		// and the results read from it: 7 responses, the average of 1,2,3,4,5,1,2 and every count
		SurveyResults.Result result = SurveyScene.as(scene.staff, () -> results.of(id));
		assertThat(result.responses()).isEqualTo(7);
		assertThat(result.questions().get(0).counts()).extracting(SurveyResults.Count::count).containsExactly(2L, 2L, 1L, 1L, 1L);
		assertThat(result.questions().get(0).average()).isEqualTo("2.57");
		assertThat(result.questions().get(4).answered()).isEqualTo(4);
		assertThat(result.questions().get(5).answered()).isEqualTo(4);
		assertThat(result.questions().get(5).texts()).hasSize(4);

		// the tally holds counts of organisations only: nothing names a response, a person or a moment
		assertThat(columns("survey_tally")).containsExactlyInAnyOrder("survey_id", "question_id", "org_id", "org_path", "value", "answers");
		assertThat(columns("survey_response_tally")).containsExactlyInAnyOrder("survey_id", "org_id", "org_path", "responses");
		assertThat(jdbc.sql("""
				select count(*) from information_schema.columns
				where table_name in ('survey_tally', 'survey_response_tally') and table_schema = current_schema()
				  and (data_type like 'timestamp%' or data_type = 'date' or data_type = 'uuid' or column_default like 'nextval%'
				       or is_identity = 'YES')
				""").query(Long.class).single()).isZero();
		// joined with who answered on the survey, every respondent meets every tally row of their survey: nobody singled out
		long respondents = rows("survey_respondent", id);
		assertThat(jdbc.sql("select count(*) from survey_respondent p join survey_tally t on t.survey_id = p.survey_id where p.survey_id = :s")
			.param("s", id).query(Long.class).single()).isEqualTo(respondents * expected.size());
	}

}
