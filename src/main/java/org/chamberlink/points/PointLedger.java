package org.chamberlink.points;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.PageSizes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the ledger: an organisation's entries and standing, and the yearly ranking of a node's
 * subtree from the organisations' yearly totals (window functions over their index). An
 * organisation outside the caller's scope is not found, like an unknown id; the rank of one's own
 * organisation among its peers is shown without naming them.
 */
@Service
public class PointLedger {

	private static final String RANKED = """
			select t.org_id, t.points, t.entries, rank() over (order by t.points desc) as rank, count(*) over () as total
			from point_total t
			where t.year = :year and t.org_level = :level and %s
			order by t.points desc, t.org_id
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	PointLedger(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** The organisation's entries of the year, newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public List<PointEntryView> entries(Long orgId, int year) {
		return entries(organizations.get(orgId).id(), year, 0, Integer.MAX_VALUE);
	}

	private List<PointEntryView> entries(Long orgId, int year, int page, int size) {
		return jdbc.sql("""
				select e.id, e.rule_id, r.name as rule_name, r.category, e.points, e.kind, e.source_type, e.source_id,
				       e.occurred_at, e.reverses_entry_id, e.back_filled, e.recorded_at
				from point_entry e join point_rule r on r.id = e.rule_id
				where e.org_id = :org and e.year = :year
				order by e.id desc
				limit :size offset :offset
				""")
			.param("org", orgId)
			.param("year", year)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new PointEntryView(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"),
					PointCategory.valueOf(rs.getString("category")), rs.getInt("points"), rs.getString("kind"),
					rs.getString("source_type"), rs.getLong("source_id"), rs.getTimestamp("occurred_at").toInstant(),
					(Long) rs.getObject("reverses_entry_id"), rs.getBoolean("back_filled"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/** What each rule gave the organisation in the year (over the org's entries, by the ledger's (org, year) index). */
	private List<PointStanding.ByRule> byRule(Long orgId, int year) {
		return jdbc.sql("""
				select r.id as rule_id, r.name as rule_name, r.category, t.entries, t.points
				from (select rule_id, count(*) as entries, sum(points) as points from point_entry
				      where org_id = :org and year = :year group by rule_id) t
				join point_rule r on r.id = t.rule_id
				order by t.points desc, r.name
				""")
			.param("org", orgId)
			.param("year", year)
			.query((rs, n) -> new PointStanding.ByRule(rs.getLong("rule_id"), rs.getString("rule_name"),
					PointCategory.valueOf(rs.getString("category")), rs.getLong("entries"), rs.getLong("points")))
			.list();
	}

	/** The organisation's points of the year, its rank within each organisation above it, and why. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public PointStanding standing(Long orgId, int year) {
		return standing(orgId, year, 0);
	}

	/** The same with page {@code page} (from 0) of the entries. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public PointStanding standing(Long orgId, int year, int page) {
		OrganizationSummary org = organizations.get(orgId);
		PointLevel level = PointLevel.of(org);
		Map<String, Object> total = jdbc.sql("select coalesce(sum(points), 0) as points, coalesce(sum(entries), 0) as entries"
				+ " from point_total where org_id = :org and year = :year")
			.param("org", org.id())
			.param("year", year)
			.query()
			.singleRow();
		long points = ((Number) total.get("points")).longValue();
		long entryCount = ((Number) total.get("entries")).longValue();
		int shown = Math.max(0, page);
		List<Long> above = Arrays.stream(org.path().split("/"))
			.filter(part -> !part.isEmpty())
			.map(Long::valueOf)
			.filter(id -> !id.equals(org.id()))
			.toList();
		// names of the federations above are public (as on the join page); their subtrees' totals are only counted
		Map<Long, String> names = organizations.namesUnscoped(above);
		List<PointStanding.Rank> ranks = new ArrayList<>();
		String path = "/";
		for (Long id : above) {
			path = path + id + "/";
			DataScope subtree = DataScope.subtree(path);
			Map<String, Object> row = jdbc.sql("select count(*) filter (where t.points > :mine) + 1 as rank, count(*) as of,"
					+ " count(*) filter (where t.org_id = :org) as present from point_total t"
					+ " where t.year = :year and t.org_level = :level and " + subtree.on("t.org_path"))
				.params(subtree.param())
				.param("mine", points)
				.param("org", org.id())
				.param("year", year)
				.param("level", level.name())
				.query()
				.singleRow();
			long of = ((Number) row.get("of")).longValue() + (((Number) row.get("present")).longValue() == 0 ? 1 : 0);
			ranks.add(new PointStanding.Rank(id, names.getOrDefault(id, ""), ((Number) row.get("rank")).longValue(), of));
		}
		return new PointStanding(org.id(), org.name(), level, year, points, ranks, byRule(org.id(), year),
				entries(org.id(), year, shown, PointStanding.PAGE_SIZE), shown, entryCount);
	}

	/** One page of the year's ranking of the organisations of {@code level} below the node. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public PointRanking ranking(Long nodeId, int year, PointLevel level, int page) {
		OrganizationSummary node = organizations.get(nodeId);
		DataScope subtree = DataScope.subtree(node.path());
		int size = PageSizes.LIST;
		int from = Math.max(page, 0) * size;
		List<Object[]> rows = jdbc.sql(RANKED.formatted(subtree.on("t.org_path")) + " limit :size offset :from")
			.params(subtree.param())
			.param("year", year)
			.param("level", level.name())
			.param("size", size)
			.param("from", from)
			.query((rs, n) -> new Object[] { rs.getLong("rank"), rs.getLong("org_id"), rs.getLong("points"),
					rs.getInt("entries"), rs.getLong("total") })
			.list();
		long total = rows.isEmpty() ? count(subtree, year, level) : (Long) rows.get(0)[4];
		Map<Long, String> names = organizations.namesUnscoped(rows.stream().map(r -> (Long) r[1]).toList());
		return new PointRanking(node.id(), node.name(), year, level, rows.stream()
			.map(r -> new PointRanking.Row((Long) r[0], (Long) r[1], names.getOrDefault((Long) r[1], ""), (Long) r[2],
					(Integer) r[3]))
			.toList(), total, Math.max(page, 0), size);
	}

	/** Every row of the ranking, for the export. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public void forEachRanked(Long nodeId, int year, PointLevel level, Consumer<PointRanking.Row> consumer) {
		OrganizationSummary node = organizations.get(nodeId);
		DataScope subtree = DataScope.subtree(node.path());
		List<Object[]> rows = jdbc.sql(RANKED.formatted(subtree.on("t.org_path")))
			.params(subtree.param())
			.param("year", year)
			.param("level", level.name())
			.query((rs, n) -> new Object[] { rs.getLong("rank"), rs.getLong("org_id"), rs.getLong("points"), rs.getInt("entries") })
			.list();
		for (int i = 0; i < rows.size(); i += 1000) {
			List<Object[]> chunk = rows.subList(i, Math.min(rows.size(), i + 1000));
			Map<Long, String> names = organizations.namesUnscoped(chunk.stream().map(r -> (Long) r[1]).toList());
			chunk.forEach(r -> consumer.accept(new PointRanking.Row((Long) r[0], (Long) r[1], names.getOrDefault((Long) r[1], ""),
					(Long) r[2], (Integer) r[3])));
		}
	}

	private long count(DataScope subtree, int year, PointLevel level) {
		return jdbc.sql("select count(*) from point_total t where t.year = :year and t.org_level = :level and "
				+ subtree.on("t.org_path"))
			.params(subtree.param())
			.param("year", year)
			.param("level", level.name())
			.query(Long.class)
			.single();
	}

}
