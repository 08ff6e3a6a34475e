package org.chamberlink.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationPath;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity figures for any node of the caller's subtree and any period: the activities that took
 * place (held or closed) whose start lies in the period, by kind, with person-times, registrations
 * and who of them came, distinct members reached, governance meetings with quorum, and how many of
 * the subtree's organisations held none. Counted by SQL from the activities' tally columns over one
 * range of the organiser's path (index {@code activity_figures_ix}), the members reached from the
 * check-ins ({@code activity_attendee_present_ix}); the organisations are the organisation module's
 * to name ({@link Organizations#activeWithin}), this module only says which of them held something.
 */
@Service
public class ActivityFigures {

	private static final String TOOK = " and a.status in ('HELD', 'CLOSED') and a.starts_at >= :from and a.starts_at < :to";

	private static final String GOVERNANCE = "a.kind in ('GENERAL_ASSEMBLY', 'COUNCIL', 'STANDING_COUNCIL', 'PRESIDENTS_MEETING')";

	private static final String SUMS = """
			count(*) as held, count(*) filter (where %1$s) as governance,
			count(*) filter (where a.kind = 'TRAINING') as trainings, count(*) filter (where a.kind = 'FORUM') as forums,
			count(*) filter (where a.kind = 'EXHIBITION') as exhibitions, count(*) filter (where a.kind = 'STUDY_TOUR') as study_tours,
			count(*) filter (where a.kind = 'CULTURE_SPORTS') as culture_sports, count(*) filter (where a.kind = 'CHARITY') as charity,
			count(*) filter (where a.kind = 'OTHER') as other,
			coalesce(sum(a.attended), 0) as person_times,
			coalesce(sum(a.registered - (a.attended - a.registered_attended)), 0) as registered,
			coalesce(sum(a.registered_attended), 0) as registered_attended,
			null as members_reached,
			count(*) filter (where %1$s and a.quorum_met) as governance_with_quorum,
			count(*) filter (where %1$s and a.has_minutes) as governance_with_minutes,
			0 as organizations, 0 as organizations_without
			""".formatted(GOVERNANCE);

	private static final String PRESENT = " join activity_attendee t on t.activity_id = a.id and t.checked_in_at is not null"
			+ " and t.party_id is not null";

	/** The organisation directly below the node whose subtree holds the row, or the node itself for its own. */
	private static final String BRANCH = """
			case when a.org_path = :path then cast(:id as bigint)
			     else cast(split_part(substr(a.org_path, length(:path) + 1), '/', 1) as bigint) end
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	ActivityFigures(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/**
	 * The figures of the node's whole subtree with the distinct members reached; not found outside the
	 * caller's scope. The members reached read every check-in of the subtree and period (a province's
	 * year: about a second, see docs/benchmarks.md), the rest one row per activity: where only those
	 * are needed, {@link #counts}.
	 */
	@Transactional(readOnly = true)
	public ActivityTotals totals(Long orgId, LocalDate from, LocalDate to) {
		ActivityTotals counts = counts(orgId, from, to);
		return counts.withMembers(membersReached(orgId, from, to));
	}

	/** The figures of the node's whole subtree without the members reached ({@code membersReached} null). */
	@Transactional(readOnly = true)
	public ActivityTotals counts(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		ActivityTotals sums = period(jdbc.sql("select cast(:id as bigint) as org_id, null as org_name, " + SUMS
				+ " from activity a where " + subtree.on("a.org_path") + TOOK), from, to)
			.params(subtree.param())
			.param("id", node.id())
			.query(ActivityTotals.class)
			.single();
		List<OrganizationPath> all = organizations.activeWithin(node.id());
		long without = idle(all.stream().map(OrganizationPath::id).toList(), from, to);
		return sums.named(node.id(), node.name()).withOrganizations(all.size(), without);
	}

	/** Distinct members (parties) checked in at the subtree's activities held in the period. */
	@Transactional(readOnly = true)
	public long membersReached(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		// distinct by hashing (the planner's count(distinct …) sorts every check-in)
		return period(jdbc.sql("select count(*) from (select distinct t.party_id from activity a" + PRESENT + " where "
				+ subtree.on("a.org_path") + TOOK + ") reached"), from, to)
			.params(subtree.param())
			.query(Long.class)
			.single();
	}

	/**
	 * The node's own activities (its own level, the node's id) and each organisation directly below
	 * (its whole subtree), those without any activity too, without the members reached: in the order
	 * the organisation module lists the children, the own level first.
	 */
	@Transactional(readOnly = true)
	public List<ActivityTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		List<OrganizationSummary> children = organizations.children(node.id());
		DataScope subtree = DataScope.subtree(node.path());
		Map<Long, ActivityTotals> sums = new HashMap<>();
		period(jdbc.sql("select " + BRANCH + " as org_id, null as org_name, " + SUMS + " from activity a where "
				+ subtree.on("a.org_path") + TOOK + " group by 1"), from, to)
			.params(subtree.param())
			.param("id", node.id())
			.param("path", node.path())
			.query(ActivityTotals.class)
			.list()
			.forEach(row -> sums.put(row.orgId(), row));
		Map<Long, Organisations> orgs = organisations(node, from, to);
		List<ActivityTotals> rows = new ArrayList<>();
		rows.add(row(node.id(), node.name(), sums, orgs));
		children.forEach(child -> rows.add(row(child.id(), child.name(), sums, orgs)));
		return rows;
	}

	/**
	 * Distinct members reached at the node's own level (the node's id) and in each organisation's
	 * subtree directly below, each counted within its row: a member who came to the county's training
	 * and a chamber's forum counts in both rows and once at the county.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> membersReachedBelow(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		Map<Long, Long> members = new HashMap<>();
		organizations.children(node.id()).forEach(child -> members.put(child.id(), 0L));
		members.put(node.id(), 0L);
		period(jdbc.sql("select branch, count(*) as members from (select distinct " + BRANCH + " as branch, t.party_id"
				+ " from activity a" + PRESENT + " where " + subtree.on("a.org_path") + TOOK + ") reached group by branch"), from, to)
			.params(subtree.param())
			.param("id", node.id())
			.param("path", node.path())
			.query(Reach.class)
			.list()
			// a branch that is no organisation below any more (moved away since) is not a row
			.forEach(reach -> members.computeIfPresent(reach.branch(), (branch, none) -> reach.members()));
		return members;
	}

	private static ActivityTotals row(Long id, String name, Map<Long, ActivityTotals> sums, Map<Long, Organisations> orgs) {
		Organisations counted = orgs.getOrDefault(id, new Organisations(0, 0));
		return sums.getOrDefault(id, ActivityTotals.none(id, name))
			.named(id, name)
			.withOrganizations(counted.all(), counted.without());
	}

	private record Reach(long branch, long members) {
	}

	private record Organisations(long all, long without) {
	}

	/**
	 * The active organisations of the node's subtree grouped by the branch they lie in — the node's
	 * own level (the node alone) or an organisation directly below — each with how many of them held
	 * no activity in the period.
	 */
	private Map<Long, Organisations> organisations(OrganizationSummary node, LocalDate from, LocalDate to) {
		List<OrganizationPath> all = organizations.activeWithin(node.id());
		Long[] ids = all.stream().map(OrganizationPath::id).toArray(Long[]::new);
		Long[] branches = all.stream().map(org -> branch(node, org)).toArray(Long[]::new);
		Map<Long, Organisations> grouped = new HashMap<>();
		period(jdbc.sql("select o.branch, count(*) as all_count,"
				+ " count(*) filter (where not exists (select 1 from activity a where a.org_id = o.id" + TOOK + ")) as without_count"
				+ " from unnest(cast(:ids as bigint[]), cast(:branches as bigint[])) o(id, branch) group by o.branch"), from, to)
			.param("ids", ids)
			.param("branches", branches)
			.query((rs, n) -> grouped.put(rs.getLong("branch"), new Organisations(rs.getLong("all_count"),
					rs.getLong("without_count"))))
			.list();
		return grouped;
	}

	/** How many of these organisations held no activity in the period. */
	private long idle(List<Long> ids, LocalDate from, LocalDate to) {
		return period(jdbc.sql("select count(*) from unnest(cast(:ids as bigint[])) o(id)"
				+ " where not exists (select 1 from activity a where a.org_id = o.id" + TOOK + ")"), from, to)
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	private static Long branch(OrganizationSummary node, OrganizationPath org) {
		if (org.path().equals(node.path())) {
			return node.id();
		}
		String rest = org.path().substring(node.path().length());
		return Long.valueOf(rest.substring(0, rest.indexOf('/')));
	}

	private static JdbcClient.StatementSpec period(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to) {
		return statement.param("from", java.sql.Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
	}

}
