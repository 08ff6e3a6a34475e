package org.chamberlink.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation figures through the figures SPI, per campaign year: evaluations by where they stand
 * (draft, submitted, returned, passed, recommended) and recognitions that stand (not withdrawn) by
 * level, with those still in public notice apart. One grouped statement over the evaluation and
 * recognition indexes for a node, one for the organisations directly below it.
 */
@Component
@Order(7)
class EvaluationFigureSource implements FigureSource {

	static final List<String> STATUS_KEYS = List.of("evaluation.draft", "evaluation.submitted", "evaluation.returned",
			"evaluation.passed", "evaluation.recommended");

	static final List<String> LEVEL_KEYS = List.of("evaluation.recognisedCounty", "evaluation.recognisedCity",
			"evaluation.recognisedProvince", "evaluation.recognisedNational");

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Clock clock;

	EvaluationFigureSource(JdbcClient jdbc, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Override
	public List<FigureDefinition> definitions() {
		List<FigureDefinition> list = new ArrayList<>();
		list.add(count("evaluation.evaluations"));
		STATUS_KEYS.forEach(key -> list.add(count(key)));
		LEVEL_KEYS.forEach(key -> list.add(count(key)));
		list.add(count("evaluation.inNotice"));
		return list;
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, FigureTiming.YEAR);
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	@Transactional(readOnly = true)
	public FigureRow values(Long orgId, FigurePeriod period) {
		OrganizationSummary org = organizations.get(orgId);
		return FigureRow.of(org.id(), org.name(), false, counts(org.path(), period.year()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		List<FigureRow> rows = new ArrayList<>();
		for (OrganizationSummary child : organizations.children(orgId)) {
			rows.add(FigureRow.of(child.id(), child.name(), false, counts(child.path(), period.year())));
		}
		rows.add(0, FigureRow.of(node.id(), node.name(), true, own(node.path(), node.id(), period.year())));
		return rows;
	}

	private Map<String, Long> own(String path, Long orgId, int year) {
		Map<String, Long> values = zero();
		jdbc.sql("select status, count(*) from evaluation e join evaluation_campaign c on c.id = e.campaign_id"
				+ " where e.org_id = :org and c.year = :year group by status")
			.param("org", orgId)
			.param("year", year)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> put(values, e));
		return values;
	}

	private Map<String, Long> counts(String path, int year) {
		DataScope subtree = DataScope.subtree(path);
		Map<String, Long> values = zero();
		jdbc.sql("select e.status, count(*) from evaluation e join evaluation_campaign c on c.id = e.campaign_id where "
				+ subtree.on("e.org_path") + " and c.year = :year group by e.status")
			.params(subtree.param())
			.param("year", year)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> put(values, e));
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		jdbc.sql("select r.level, count(*), count(*) filter (where r.notice_until >= :today) from evaluation_recognition r where "
				+ subtree.on("r.org_path") + " and r.year = :year and r.withdrawn_at is null group by r.level")
			.params(subtree.param())
			.param("year", year)
			.param("today", today)
			.query((rs, n) -> new long[] { EvaluationLevel.valueOf(rs.getString(1)).ordinal(), rs.getLong(2), rs.getLong(3) })
			.list()
			.forEach(r -> {
				values.put(LEVEL_KEYS.get((int) r[0]), r[1]);
				values.merge("evaluation.inNotice", r[2], Long::sum);
			});
		return values;
	}

	private static void put(Map<String, Long> values, Map.Entry<String, Long> status) {
		values.put("evaluation." + status.getKey().toLowerCase(java.util.Locale.ROOT), status.getValue());
		values.merge("evaluation.evaluations", status.getValue(), Long::sum);
	}

	private static Map<String, Long> zero() {
		Map<String, Long> values = new LinkedHashMap<>();
		values.put("evaluation.evaluations", 0L);
		STATUS_KEYS.forEach(key -> values.put(key, 0L));
		LEVEL_KEYS.forEach(key -> values.put(key, 0L));
		values.put("evaluation.inNotice", 0L);
		return values;
	}

}
