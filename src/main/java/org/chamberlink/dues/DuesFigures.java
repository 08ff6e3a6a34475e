package org.chamberlink.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collection figures for any node of the caller's subtree, read from {@code dues_tally} (one row
 * per organisation, year and due date, kept by triggers on the bills): a province sums thousands
 * of rows, not a million bills.
 */
@Service
public class DuesFigures {

	private static final String SUMS = """
			coalesce(sum(bills), 0)::bigint as bills, coalesce(sum(settled_bills), 0)::bigint as settled_bills,
			coalesce(sum(billed_fen), 0)::bigint as billed_fen, coalesce(sum(paid_fen), 0)::bigint as paid_fen,
			coalesce(sum(waived_fen), 0)::bigint as waived_fen,
			coalesce(sum(bills - settled_bills) filter (where due_on < :today), 0)::bigint as overdue_bills,
			coalesce(sum(billed_fen - paid_fen - waived_fen) filter (where due_on < :today), 0)::bigint as overdue_fen
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Clock clock;

	DuesFigures(JdbcClient jdbc, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public DuesCollection collection(Long orgId, int year) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		return jdbc.sql("select :id as org_id, :name as org_name, :year as year, " + SUMS
				+ " from dues_tally where " + subtree.on("org_path") + " and year = :year")
			.param("id", org.id())
			.param("name", org.name())
			.param("year", year)
			.params(subtree.param())
			.param("today", LocalDate.now(clock))
			.query(DuesCollection.class)
			.single();
	}

	/** The same for each organisation directly below; a row without id is the node's own bills. */
	@Transactional(readOnly = true)
	public List<DuesCollection> below(Long orgId, int year) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		List<DuesCollection> rows = jdbc.sql("""
				select counted.child as org_id, null as org_name, :year as year, counted.*
				from (select nullif(split_part(substr(org_path, length(:own) + 1), '/', 1), '')::bigint as child,
				      """ + SUMS + """
				      from dues_tally where %s and year = :year
				      group by 1) counted
				order by counted.child is null, counted.billed_fen desc
				""".formatted(subtree.on("org_path")))
			.param("own", org.path())
			.params(subtree.param())
			.param("year", year)
			.param("today", LocalDate.now(clock))
			.query(DuesCollection.class)
			.list();
		Map<Long, String> names = organizations.namesUnscoped(rows.stream()
			.map(DuesCollection::orgId)
			.filter(Objects::nonNull)
			.toList());
		return rows.stream().map(row -> row.named(names)).toList();
	}

}
