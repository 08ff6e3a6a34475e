package org.chamberlink.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Memberships by industry section (GB/T 4754-2017, sections A–T; {@code none} for members without
 * an industry, as persons and groups), as of the period's last day (decision 52): a membership
 * counts if it had begun by then and not yet ended ({@code joined_on <= d < left_on}), so a return
 * read after the year's end still answers for 31 December. One grouped scan of the subtree's
 * memberships over the path index; the drill-down groups by the next id on the path.
 */
@Component
@Order(3)
class MemberIndustryFigureSource implements FigureSource {

	/** The sections of GB/T 4754-2017, and {@code none}. */
	static final List<String> SECTIONS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
			"R", "S", "T", "none");

	private final JdbcClient jdbc;

	private final Organizations organizations;

	MemberIndustryFigureSource(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return SECTIONS.stream()
			.map(section -> FigureDefinition.sum("memberIndustry." + section, "memberFigures.industry." + section, FigureUnit.COUNT,
					FigureTiming.AS_OF))
			.toList();
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	@Transactional(readOnly = true)
	public FigureRow values(Long orgId, FigurePeriod period) {
		OrganizationSummary org = organizations.get(orgId);
		Map<Long, Map<String, Long>> counts = count(org, period.to(), false);
		return FigureRow.of(org.id(), org.name(), false, row(counts.getOrDefault(0L, Map.of())));
	}

	@Override
	@Transactional(readOnly = true)
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		OrganizationSummary org = organizations.get(orgId);
		Map<Long, Map<String, Long>> counts = count(org, period.to(), true);
		List<FigureRow> rows = new ArrayList<>();
		Map<Long, String> names = organizations.namesUnscoped(counts.keySet().stream().filter(id -> id != 0L).toList());
		counts.forEach((child, sections) -> rows.add(child == 0L ? FigureRow.of(org.id(), org.name(), true, row(sections))
				: FigureRow.of(child, names.get(child), false, row(sections))));
		rows.sort(java.util.Comparator.comparing(FigureRow::own));
		return rows;
	}

	private static Map<String, Long> row(Map<String, Long> sections) {
		Map<String, Long> values = new LinkedHashMap<>();
		for (String section : SECTIONS) {
			values.put("memberIndustry." + section, sections.getOrDefault(section, 0L));
		}
		return values;
	}

	/** Counts by (child below the node, or 0 for the node itself / the whole subtree) and section. */
	private Map<Long, Map<String, Long>> count(OrganizationSummary org, LocalDate asOf, boolean byChild) {
		DataScope subtree = DataScope.subtree(org.path());
		String child = byChild ? "coalesce(nullif(split_part(substr(m.org_path, length(:own) + 1), '/', 1), '')::bigint, 0)" : "0";
		Map<Long, Map<String, Long>> counts = new LinkedHashMap<>();
		jdbc.sql("select " + child + " as child, coalesce(i.section, i.code, 'none') as section, count(*) from membership m"
				+ " left join industry i on i.code = m.industry_code"
				+ " where " + subtree.on("m.org_path") + " and m.joined_on <= :d and (m.left_on is null or m.left_on > :d)"
				+ " group by 1, 2")
			.params(subtree.param())
			.param("own", org.path())
			.param("d", asOf)
			.query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum))
			.list();
		return counts;
	}

}
