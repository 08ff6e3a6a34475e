package org.chamberlink.points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
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
 * Points figures through the figures SPI, kept per calendar year from the organisations' yearly
 * totals: points net of reversals, organisations with points (their distribution down the tree in
 * the drill-down), and the chambers among them with points, and the ledger's awards and reversals.
 */
@Component
@Order(6)
class PointFigureSource implements FigureSource {

	private static final String BRANCH = """
			case when t.org_path = :path then cast(:id as bigint)
			     else cast(split_part(substr(t.org_path, length(:path) + 1), '/', 1) as bigint) end
			""";

	private static final String SUMS = """
			coalesce(sum(t.points), 0) as points, count(*) filter (where t.points > 0) as organizations,
			count(*) filter (where t.points > 0 and t.org_level = 'CHAMBER') as chambers, coalesce(sum(t.entries), 0) as entries
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	PointFigureSource(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("points.points"), count("points.organizations"), count("points.chambers"), count("points.entries"));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		Map<String, Long> values = jdbc.sql("select " + SUMS + " from point_total t where t.year = :year and " + subtree.on("t.org_path"))
			.params(subtree.param())
			.param("year", period.year())
			.query((rs, n) -> values(rs))
			.single();
		return FigureRow.of(node.id(), node.name(), false, values);
	}

	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		Map<Long, Map<String, Long>> sums = new HashMap<>();
		jdbc.sql("select " + BRANCH + " as branch, " + SUMS + " from point_total t where t.year = :year and "
				+ subtree.on("t.org_path") + " group by 1")
			.params(subtree.param())
			.param("year", period.year())
			.param("id", node.id())
			.param("path", node.path())
			.query((rs, n) -> sums.put(rs.getLong("branch"), values(rs)))
			.list();
		List<FigureRow> rows = new ArrayList<>();
		rows.add(FigureRow.of(node.id(), node.name(), true, sums.getOrDefault(node.id(), zero())));
		organizations.children(node.id())
			.forEach(child -> rows.add(FigureRow.of(child.id(), child.name(), false, sums.getOrDefault(child.id(), zero()))));
		return rows;
	}

	private static Map<String, Long> values(java.sql.ResultSet rs) throws java.sql.SQLException {
		return Map.of("points.points", rs.getLong("points"), "points.organizations", rs.getLong("organizations"),
				"points.chambers", rs.getLong("chambers"), "points.entries", rs.getLong("entries"));
	}

	private static Map<String, Long> zero() {
		return Map.of("points.points", 0L, "points.organizations", 0L, "points.chambers", 0L, "points.entries", 0L);
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, FigureTiming.YEAR);
	}

}
