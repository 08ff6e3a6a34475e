package org.chamberlink.casework;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework figures for any node of the caller's subtree and any period (cases filed in it),
 * counted where each case is handled now: a case transferred to the county counts at the county.
 * Read from the case tallies (V24: every case counted at its organisation and each one above, per
 * day filed; open cases also per day due, so overdue is what falls due before today), so a
 * province sums a few hundred rows, never the cases themselves.
 */
@Service
public class CaseFigures {

	/** One row of counts; rates and averages are computed from these by {@link CaseTotals}. */
	public record CategoryCount(CaseKind kind, CaseCategory category, long cases) {
	}

	static final String SUMS = """
			coalesce(sum(t.cases), 0)::bigint as cases, coalesce(sum(t.needs), 0)::bigint as needs,
			coalesce(sum(t.complaints), 0)::bigint as complaints, coalesce(sum(t.mediations), 0)::bigint as mediations,
			coalesce(sum(t.open), 0)::bigint as open, coalesce(sum(t.closed), 0)::bigint as closed,
			coalesce(sum(t.resolved), 0)::bigint as resolved,
			(coalesce(sum(t.resolution_seconds), 0) / 86400)::float8 as resolution_days,
			coalesce(sum(t.rated), 0)::bigint as rated, coalesce(sum(t.satisfied), 0)::bigint as satisfied,
			coalesce(sum(t.recovered_fen), 0)::bigint as recovered_fen,
			coalesce(sum(t.mediations_concluded), 0)::bigint as mediations_concluded,
			coalesce(sum(t.agreements), 0)::bigint as agreements, coalesce(sum(t.transfers), 0)::bigint as transfers
			""";

	private static final String PERIOD = " t.filed_on between :from and :to";

	/**
	 * The node's own level (its rows marked own) and each organisation directly below (all its
	 * rows): {@code :children}, asked of the organisation module.
	 */
	private static final String BELOW = """
			(select cast(:id as bigint) as id, true as own_only
			 union all select b.id, false from unnest(cast(:children as bigint[])) b(id)) n
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final java.time.Clock clock;

	CaseFigures(JdbcClient jdbc, Organizations organizations, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public CaseTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		return period(jdbc.sql("select :id as org_id, :name as org_name, " + SUMS
				+ ", (select coalesce(sum(d.open), 0) from case_due_tally d where d.org_id = :id"
				+ " and d.filed_on between :from and :to and d.due_on < :today)::bigint as overdue"
				+ " from case_tally t where t.org_id = :id and" + PERIOD), org,
				from, to)
			.param("name", org.name())
			.query(CaseTotals.class)
			.single();
	}

	/**
	 * The same for the node's own cases and each organisation directly below, those without any
	 * case too (a county looks for the chambers that report nothing).
	 */
	@Transactional(readOnly = true)
	public List<CaseTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		List<OrganizationSummary> children = organizations.children(orgId);
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		names.put(org.id(), org.name());
		children.forEach(child -> names.put(child.id(), child.name()));
		List<CaseTotals> rows = new java.util.ArrayList<>(counted(org, children, from, to).stream()
			.map(row -> row.withOrgName(names.get(row.orgId())))
			.toList());
		java.util.Set<Long> counted = new java.util.HashSet<>();
		rows.forEach(row -> counted.add(row.orgId()));
		children.stream()
			.filter(child -> !counted.contains(child.id()))
			.forEach(child -> rows.add(CaseTotals.none(child.id(), child.name())));
		return rows;
	}

	/*
	 * The node's own level is its rows marked own; each organisation below has its own rows (all
	 * of them: they count its whole subtree). Every organisation below a node in the scope is in
	 * the scope too. Names are the caller's to fill in (org_name is null).
	 */
	private List<CaseTotals> counted(OrganizationSummary org, List<OrganizationSummary> children, LocalDate from,
			LocalDate to) {
		return period(jdbc.sql("""
				with overdue as (
				    select d.org_id, sum(d.open)::bigint as overdue
				    from """ + BELOW + """
				    join case_due_tally d on d.org_id = n.id and (d.own or not n.own_only)
				    where d.filed_on between :from and :to and d.due_on < :today
				    group by d.org_id)
				select counted.counted_id as org_id, null as org_name, counted.*, coalesce(overdue.overdue, 0) as overdue
				from (select t.org_id as counted_id, """ + SUMS + """
				      from """ + BELOW + """
				      join case_tally t on t.org_id = n.id and (t.own or not n.own_only)
				      where""" + PERIOD + """
				      group by t.org_id
				      having sum(t.cases) <> 0) counted
				left join overdue on overdue.org_id = counted.counted_id
				order by counted.counted_id = :id desc, counted.cases desc, counted.counted_id
				"""), org, from, to)
			.param("children", children.stream().map(OrganizationSummary::id).toArray(Long[]::new))
			.query(CaseTotals.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<CategoryCount> byCategory(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		return jdbc.sql("select t.kind, t.category, sum(t.cases)::bigint as cases from case_category_tally t"
				+ " where t.org_id = :id and" + PERIOD
				+ " group by t.kind, t.category having sum(t.cases) <> 0 order by t.kind, sum(t.cases) desc, t.category")
			.param("id", org.id())
			.param("from", from)
			.param("to", to)
			.query(CategoryCount.class)
			.list();
	}

	private JdbcClient.StatementSpec period(JdbcClient.StatementSpec statement, OrganizationSummary org,
			LocalDate from, LocalDate to) {
		return statement.param("id", org.id()).param("from", from).param("to", to).param("today", LocalDate.now(clock));
	}

}
