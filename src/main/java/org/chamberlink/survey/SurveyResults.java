package org.chamberlink.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A survey's results in the caller's scope: per question the answers counted by option (or by
 * rating, with the average), the free texts, and the breakdown by the respondents' organisations,
 * where an organisation with fewer than {@link #SMALLEST_CELL} answers to a question shows no
 * figures at all (its respondents could be told apart). Read from the survey's tally, kept exact on
 * answering ({@code survey_tally}: a row per question, organisation and value), not from the answers.
 */
@Service
public class SurveyResults {

	/** The fewest answers a breakdown cell shows. */
	public static final int SMALLEST_CELL = 5;

	/** The most free-text answers a question shows. */
	static final int TEXTS_SHOWN = 50;

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Organizations organizations;

	private final Clock clock;

	SurveyResults(JdbcClient jdbc, Surveys surveys, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** One option's (or rating's) count. */
	public record Count(String label, long count) {
	}

	/** One organisation's answers to one question; {@code hidden} when under {@link #SMALLEST_CELL}, without figures then. */
	public record Cell(Long orgId, String orgName, boolean hidden, Long answers, List<Long> counts, String average) {
	}

	public record QuestionResult(QuestionView question, long answered, List<Count> counts, String average, List<String> texts,
			List<Cell> breakdown) {

		/** The hidden cells of the breakdown. */
		public long hiddenCells() {
			return breakdown.stream().filter(Cell::hidden).count();
		}

	}

	/**
	 * @param audience the members who may answer today (distinct persons and enterprises)
	 */
	public record Result(SurveyView survey, long responses, long audience, List<QuestionResult> questions) {
	}

	@Transactional(readOnly = true)
	public Result of(Long surveyId) {
		SurveyView survey = surveys.get(surveyId);
		long responses = jdbc.sql("select coalesce(sum(responses), 0) from survey_response_tally where survey_id = :id")
			.param("id", surveyId)
			.query(Long.class)
			.single();
		long audience = jdbc.sql("select count(distinct m.party_id) from published_membership m, survey s where s.id = :id and "
				+ SurveyAudienceSql.MEMBER_OF_AUDIENCE)
			.param("id", surveyId)
			.param("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)))
			.query(Long.class)
			.single();
		// per question, organisation and value: how many answers (a multiple choice counts each option chosen), read from
		// the tally kept on answering (value -1: how many respondents answered the question at all) — a few rows per
		// question and organisation, whatever the number of answers
		record Row(long question, long org, int value, long answers, BigDecimal ratingSum) {
		}
		Map<Long, Map<Long, Long>> answeredBy = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		jdbc.sql("select question_id, org_id, value, answers from survey_tally where survey_id = :id and answers > 0")
			.param("id", surveyId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
					BigDecimal.valueOf(rs.getLong(3)).multiply(BigDecimal.valueOf(rs.getLong(4)))))
			.list()
			.forEach(row -> {
				if (row.value() < 0) {
					answeredBy.computeIfAbsent(row.question(), k -> new HashMap<>()).put(row.org(), row.answers());
				}
				else {
					rows.add(row);
				}
			});
		Set<Long> orgIds = new HashSet<>();
		answeredBy.values().forEach(byOrg -> orgIds.addAll(byOrg.keySet()));
		Map<Long, String> names = orgIds.isEmpty() ? Map.of() : organizations.namesUnscoped(orgIds);
		List<QuestionResult> results = new ArrayList<>();
		for (QuestionView q : survey.questions()) {
			Map<Long, Long> byOrg = answeredBy.getOrDefault(q.id(), Map.of());
			long answered = byOrg.values().stream().mapToLong(Long::longValue).sum();
			List<String> labels = labels(q);
			if (q.kind() == QuestionKind.TEXT) {
				List<String> texts = jdbc.sql("select text from survey_answer where question_id = :q and text is not null"
						+ " order by response_id limit " + TEXTS_SHOWN)
					.param("q", q.id())
					.query(String.class)
					.list();
				results.add(new QuestionResult(q, answered, List.of(), null, texts, List.of()));
				continue;
			}
			boolean rating = q.kind() == QuestionKind.RATING;
			long[] total = new long[labels.size()];
			Map<Long, long[]> perOrg = new LinkedHashMap<>();
			BigDecimal sum = BigDecimal.ZERO;
			Map<Long, BigDecimal> sumPerOrg = new HashMap<>();
			for (Row row : rows) {
				if (row.question() != q.id()) {
					continue;
				}
				int index = q.kind() == QuestionKind.RATING ? row.value() - 1 : row.value();
				if (index < 0 || index >= labels.size()) {
					continue;
				}
				total[index] += row.answers();
				perOrg.computeIfAbsent(row.org(), k -> new long[labels.size()])[index] += row.answers();
				if (rating) {
					sum = sum.add(row.ratingSum());
					sumPerOrg.merge(row.org(), row.ratingSum(), BigDecimal::add);
				}
			}
			List<Count> counts = new ArrayList<>();
			for (int i = 0; i < labels.size(); i++) {
				counts.add(new Count(labels.get(i), total[i]));
			}
			String average = rating && answered > 0 ? average(sum, answered) : null;
			List<Cell> breakdown = byOrg.entrySet().stream()
				.sorted(Map.Entry.<Long, Long>comparingByValue().reversed()
					.thenComparing(e -> names.getOrDefault(e.getKey(), "")))
				.map(e -> e.getValue() < SMALLEST_CELL
						? new Cell(e.getKey(), names.get(e.getKey()), true, null, List.of(), null)
						: new Cell(e.getKey(), names.get(e.getKey()), false, e.getValue(),
								java.util.Arrays.stream(perOrg.getOrDefault(e.getKey(), new long[labels.size()])).boxed().toList(),
								rating ? average(sumPerOrg.getOrDefault(e.getKey(), BigDecimal.ZERO), e.getValue()) : null))
				.toList();
			results.add(new QuestionResult(q, answered, counts, average, List.of(), breakdown));
		}
		return new Result(survey, responses, audience, results);
	}

	/** The labels a question's answers are counted under: its options, or the ratings 1 to 5. */
	public static List<String> labels(QuestionView q) {
		if (q.kind() == QuestionKind.RATING) {
			return List.of("1", "2", "3", "4", "5");
		}
		return q.options();
	}

	/** An average to two decimals, truncated as every rate of the product is. */
	private static String average(BigDecimal sum, long count) {
		return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN).toPlainString();
	}

}
