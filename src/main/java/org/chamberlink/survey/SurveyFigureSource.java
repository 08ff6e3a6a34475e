package org.chamberlink.survey;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members' satisfaction through the figures SPI, from seed 002's 公认度和满意度测评 (surveys made
 * from {@link SurveyDraft#satisfactionPreset}, published, opening in the period): of the rating answers
 * given by members of the organisation's subtree, those rating 4 or 5 — and their rate
 * ({@code survey.satisfactionRate}), which an evaluation criterion bound to the satisfaction indicator
 * is pre-filled from. Read from the survey tally, by the respondents' organisations (not the
 * organiser's). As on the results page, a survey whose respondents in a node are fewer than
 * {@link SurveyResults#SMALLEST_CELL} adds nothing to that node: a handful of anonymous answers is
 * never shown apart.
 */
@Component
@Order(10)
class SurveyFigureSource implements FigureSource {

	static final String SATISFIED = "survey.satisfiedAnswers";

	static final String RATED = "survey.ratingAnswers";

	static final String RATE = "survey.satisfactionRate";

	private static final FigureTiming PERIOD = FigureTiming.PERIOD;

	/** The organisation directly below the node (or the node itself) a row of the subtree counts for. */
	private static final String BRANCH = """
			case when %1$s = :path then cast(:id as bigint)
			     else cast(split_part(substr(%1$s, length(:path) + 1), '/', 1) as bigint) end""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	SurveyFigureSource(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(FigureDefinition.sum(SATISFIED, "figure." + SATISFIED, FigureUnit.COUNT, PERIOD),
				FigureDefinition.sum(RATED, "figure." + RATED, FigureUnit.COUNT, PERIOD),
				FigureDefinition.rate(RATE, "figure." + RATE, SATISFIED, RATED, PERIOD));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		Map<Long, long[]> sums = sums(node, period, "cast(:id as bigint)");
		return row(node.id(), node.name(), false, sums.get(node.id()));
	}

	/** The node's own respondents (members of the node itself) and each organisation directly below (its whole subtree). */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		Map<Long, long[]> sums = sums(node, period, null);
		List<FigureRow> rows = new ArrayList<>();
		rows.add(row(node.id(), node.name(), true, sums.get(node.id())));
		organizations.children(node.id()).forEach(child -> rows.add(row(child.id(), child.name(), false, sums.get(child.id()))));
		return rows;
	}

	private static FigureRow row(Long id, String name, boolean own, long[] sums) {
		long[] s = sums == null ? new long[2] : sums;
		return FigureRow.of(id, name, own, Map.of(SATISFIED, s[0], RATED, s[1]));
	}

	/**
	 * Satisfied and rating answers per branch of the node ({@code branch}: a fixed expression for the
	 * whole subtree, or null for the node's own level and each organisation below it), counting only
	 * the surveys with at least {@link SurveyResults#SMALLEST_CELL} responses in the branch.
	 */
	private Map<Long, long[]> sums(OrganizationSummary node, FigurePeriod period, String branch) {
		DataScope subtree = DataScope.subtree(node.path());
		String responseBranch = branch != null ? branch : BRANCH.formatted("r.org_path");
		String tallyBranch = branch != null ? branch : BRANCH.formatted("t.org_path");
		Map<Long, long[]> sums = new HashMap<>();
		jdbc.sql("""
				with cells as (
				    select %1$s as branch, r.survey_id
				    from survey_response_tally r join survey s on s.id = r.survey_id
				    where s.preset = 'SATISFACTION' and s.status = 'PUBLISHED' and s.opens_at >= :from and s.opens_at < :to and %3$s
				    group by 1, 2
				    having sum(r.responses) >= :smallest)
				select %2$s as branch, coalesce(sum(t.answers) filter (where t.value >= 4), 0), coalesce(sum(t.answers), 0)
				from survey_tally t
				join survey_question q on q.id = t.question_id and q.kind = 'RATING'
				join cells c on c.survey_id = t.survey_id and c.branch = %2$s
				where t.value between 1 and 5 and %4$s
				group by 1
				""".formatted(responseBranch, tallyBranch, subtree.on("r.org_path"), subtree.on("t.org_path")))
			.params(subtree.param())
			.param("id", node.id())
			.param("path", node.path())
			.param("from", Timestamp.from(period.from().atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(period.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("smallest", SurveyResults.SMALLEST_CELL)
			.query((rs, n) -> sums.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return sums;
	}

}
