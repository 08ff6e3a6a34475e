package org.chamberlink.casework;

import java.time.Clock;
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
 * One aggregate over the scope index, never rows loaded into Java.
 */
@Service
public class CaseFigures {

	/** One row of counts; rates and averages are computed from these by {@link CaseTotals}. */
	public record CategoryCount(CaseKind kind, CaseCategory category, long cases) {
	}

	static final String SUMS = """
			count(*) as cases,
			count(*) filter (where c.kind = 'NEED') as needs,
			count(*) filter (where c.kind = 'COMPLAINT') as complaints,
			count(*) filter (where c.kind = 'MEDIATION') as mediations,
			count(*) filter (where c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')) as open,
			count(*) filter (where c.state in ('RESOLVED', 'UNRESOLVED', 'REJECTED')) as closed,
			count(*) filter (where c.state = 'RESOLVED') as resolved,
			count(*) filter (where """ + Cases.OVERDUE + """
			) as overdue,
			coalesce(avg(extract(epoch from c.closed_at - c.filed_at) / 86400.0)
			    filter (where c.state = 'RESOLVED'), 0) as average_days_to_resolve,
			count(c.rating) as rated,
			count(*) filter (where c.rating >= 4) as satisfied,
			coalesce(sum(c.amount_recovered_fen) filter (where c.state = 'RESOLVED'), 0)::bigint as recovered_fen,
			count(*) filter (where c.kind = 'MEDIATION' and c.mediation_result is not null) as mediations_concluded,
			count(*) filter (where c.mediation_result = 'AGREEMENT') as agreements,
			coalesce(sum(c.transfers), 0)::bigint as transfers
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Clock clock;

	CaseFigures(JdbcClient jdbc, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public CaseTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		return jdbc.sql("select :id as org_id, :name as org_name, " + SUMS + " from service_case c" + WHERE)
			.param("id", org.id())
			.param("name", org.name())
			.param("path", org.path() + "%")
			.param("from", start(from))
			.param("to", end(to))
			.param("today", LocalDate.now(clock))
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
		List<CaseTotals> rows = new java.util.ArrayList<>(counted(org, from, to));
		java.util.Set<Long> counted = new java.util.HashSet<>();
		rows.forEach(row -> counted.add(row.orgId()));
		organizations.children(orgId)
			.stream()
			.filter(child -> !counted.contains(child.id()))
			.forEach(child -> rows.add(CaseTotals.none(child.id(), child.name())));
		return rows;
	}

	private List<CaseTotals> counted(OrganizationSummary org, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select coalesce(o.id, :id) as org_id, coalesce(o.name, :name) as org_name, counted.*
				from (select nullif(split_part(substr(c.org_path, length(:own) + 1), '/', 1), '')::bigint as child,
				      """ + SUMS + " from service_case c" + WHERE + """
				      group by 1) counted
				left join organization o on o.id = counted.child
				order by o.id is null desc, counted.cases desc
				""")
			.param("own", org.path())
			.param("id", org.id())
			.param("name", org.name())
			.param("path", org.path() + "%")
			.param("from", start(from))
			.param("to", end(to))
			.param("today", LocalDate.now(clock))
			.query(CaseTotals.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<CategoryCount> byCategory(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		return jdbc.sql("select c.kind, c.category, count(*) as cases from service_case c" + WHERE
				+ " group by c.kind, c.category order by c.kind, count(*) desc")
			.param("path", org.path() + "%")
			.param("from", start(from))
			.param("to", end(to))
			.query(CategoryCount.class)
			.list();
	}

	private static final String WHERE = " where c.org_path like :path and c.filed_at >= :from and c.filed_at < :to";

	private java.time.OffsetDateTime start(LocalDate from) {
		return from.atStartOfDay(clock.getZone()).toOffsetDateTime();
	}

	private java.time.OffsetDateTime end(LocalDate to) {
		return to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
	}

}
