package org.chamberlink.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.publication.Policies;
import org.chamberlink.publication.PolicyFilter;
import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A probe of issue 20's two speeds (docs/benchmarks.md), not a timed test: a satisfaction survey
 * with 100,000 anonymous answers (six questions, 600,000 answer rows, over 201 organisations) and
 * 100,000 published policies of generated Chinese text with their bigrams, inserted set-based and
 * vacuumed; then the results and searches asked 20 times after 3 warm-ups, median and p95 printed.
 * Runs only when asked: {@code -Dsurvey.probe=true} ({@code -Dsurvey.probe.part=survey}: the survey alone).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "survey.probe", matches = "true")
class SurveyPolicyProbeTest {

	private static final String WORDS = "税收,融资,补贴,企业,制造,创新,人才,用工,担保,贷款,出口,科技,农业,服务,数字,绿色,小微,民营,发展,支持,"
			+ "减免,奖励,项目,园区,招商,物流,电商,外贸,医药,能源,环保,安全,质量,标准,品牌,专利,技改,设备,厂房,土地,"
			+ "社保,就业,培训,职称,住房,落户,子女,医疗,养老,文化,旅游,餐饮,住宿,零售,批发,运输,仓储,建筑,房产,金融,"
			+ "保险,证券,信贷,利率,贴息,基金,股权,上市,债券,租赁,审批,备案,许可,登记,注销,年报,信用,监管,执法,检查,"
			+ "收费,价格,合同,诉讼,仲裁,调解,维权,投诉,商会,协会,会员,联络,走访,座谈,调研,统计,考核,评价,表彰,宣传";

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
	SurveyResults results;

	@Autowired
	Policies policies;

	@Test
	void resultsOfAHundredThousandAnswersAndSearchesOfAHundredThousandPolicies() {
		SurveyScene scene = new SurveyScene(port, accounts, tokens, jdbc, surveys, "探测问卷");
		Long survey = scene.openSatisfaction();
		long started = System.nanoTime();
		jdbc.sql("""
				insert into survey_response (id, survey_id, org_id)
				select gen_random_uuid(), :s, case when g % 3 = 0 then :chamber else 1000000000 + g % 200 end
				from generate_series(1, 100000) g
				""").param("s", survey).param("chamber", scene.tree.chamber()).update();
		jdbc.sql("""
				insert into survey_answer (response_id, question_id, survey_id, org_id, choices, rating, text)
				select r.id, q.id, :s, r.org_id,
				       case q.kind when 'SINGLE' then array[(random() * 2)::int] when 'MULTIPLE' then array[(random() * 4)::int] end,
				       case when q.kind = 'RATING' then 1 + (random() * 4)::int end,
				       case when q.kind = 'TEXT' then '希望多组织政策解读' end
				from survey_response r cross join survey_question q where r.survey_id = :s and q.survey_id = :s
				""").param("s", survey).update();
		// the tallies answering keeps (decision 0056), built set-based for the generated answers as V136 builds them
		jdbc.sql("""
				insert into survey_tally (survey_id, question_id, org_id, org_path, value, answers)
				select a.survey_id, a.question_id, a.org_id, '/' || a.org_id || '/', v.value, count(*)
				from survey_answer a
				cross join lateral (select -1 as value union all select c from unnest(a.choices) c
				                    union all select a.rating where a.rating is not null) v
				where a.survey_id = :s
				group by a.survey_id, a.question_id, a.org_id, v.value
				""").param("s", survey).update();
		jdbc.sql("""
				insert into survey_response_tally (survey_id, org_id, org_path, responses)
				select survey_id, org_id, '/' || org_id || '/', count(*) from survey_response where survey_id = :s group by 1, 2
				""").param("s", survey).update();
		jdbc.sql("vacuum analyze survey_response").update();
		jdbc.sql("vacuum analyze survey_answer").update();
		jdbc.sql("vacuum analyze survey_tally").update();
		jdbc.sql("vacuum analyze survey_response_tally").update();
		System.out.printf("PROBE survey: %d tally rows%n",
				jdbc.sql("select count(*) from survey_tally where survey_id = :s").param("s", survey).query(Long.class).single());
		System.out.printf("PROBE survey: 100,000 responses, 600,000 answers inserted in %d ms%n", (System.nanoTime() - started) / 1_000_000);
		time("survey results (100,000 answers)", () -> SurveyScene.as(scene.staff, () -> results.of(survey)));

		if ("survey".equals(System.getProperty("survey.probe.part"))) {
			return;
		}
		started = System.nanoTime();
		String path = jdbc.sql("select path from organization where id = :id").param("id", scene.tree.county()).query(String.class).single();
		jdbc.sql("""
				insert into policy (org_id, org_path, title, issuer, issued_on, region_codes, industry_codes, topics, body, search_grams,
				    status, published_at, created_by, created_at)
				select :org, :path, t.title, '河北省某厅', date '2016-01-01' + (g % 3650), array['13'], array[chr(65 + g % 20)], array['OTHER'],
				       t.body, array(select distinct substr(t.title || t.body, i, 2) from generate_series(1, char_length(t.title || t.body) - 1) i
				                     union select distinct substr(t.title || t.body, i, 1) from generate_series(1, char_length(t.title || t.body)) i),
				       'PUBLISHED', now(), 0, now()
				from generate_series(1, 100000) g,
				     lateral (select w from (select string_to_array(:words, ',') w) x) words,
				     lateral (select
				        (select string_agg(words.w[1 + ((g * 7919 + k * 104729) % 100)], '') from generate_series(1, 8) k) || '的通知' as title,
				        (select string_agg(words.w[1 + ((g * 31 + k * k * 17 + k * 7) % 100)], '') from generate_series(1, 20) k) as body) t
				""").param("org", scene.tree.county()).param("path", path).param("words", WORDS).update();
		jdbc.sql("vacuum analyze policy").update();
		System.out.printf("PROBE policies: 100,000 inserted in %d ms%n", (System.nanoTime() - started) / 1_000_000);
		for (String keyword : List.of("融资", "融资担保", "贴息", "专利许可", "税")) {
			long found = SurveyScene.as(scene.staff, () -> policies.search(new PolicyFilter(keyword, null, null, null, false)).size());
			long matching = jdbc.sql("select count(*) from policy where (title || body) like '%' || :k || '%'").param("k", keyword)
				.query(Long.class).single();
			System.out.printf("PROBE keyword %s: %d policies contain it, %d listed%n", keyword, matching, found);
			time("policy search '" + keyword + "'", () -> SurveyScene.as(scene.staff,
					() -> policies.search(new PolicyFilter(keyword, null, null, null, false))));
		}
		time("policy search '融资' + industry C + valid", () -> SurveyScene.as(scene.staff,
				() -> policies.search(new PolicyFilter("融资", "13", "130102", null, true))));
	}

	private static void time(String what, Supplier<?> work) {
		for (int i = 0; i < 3; i++) {
			work.get();
		}
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long started = System.nanoTime();
			work.get();
			times.add((System.nanoTime() - started) / 100_000);
		}
		times.sort(null);
		System.out.printf("PROBE %s: median %.1f ms, p95 %.1f ms, max %.1f ms%n", what, times.get(10) / 10.0, times.get(18) / 10.0,
				times.get(19) / 10.0);
	}

}
