package org.chamberlink.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What casework did in a past period, one query each, for a module that counts it afresh (the
 * points ledger's back-fill): the resolved cases rated satisfied and the visits completed. Within
 * an organisation's subtree, which is looked up in the caller's scope (not found outside it).
 */
@Service
public class CaseworkHistory {

	/** A resolved case whose current rating is satisfied; {@code ratedAt} as in its {@link CaseRated}. */
	public record SatisfiedCase(Long caseId, Long orgId, String orgPath, Instant ratedAt) {
	}

	/** A completed visit. */
	public record CompletedVisit(Long visitId, Long orgId, String orgPath, LocalDate visitedOn) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	CaseworkHistory(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** Resolved cases of the subtree rated satisfied (the rating's China date from … to), by id. */
	@Transactional(readOnly = true)
	public List<SatisfiedCase> satisfiedCases(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select c.id as case_id, c.org_id, c.org_path, c.rated_at from service_case c where "
				+ subtree.on("c.org_path") + " and c.state = 'RESOLVED' and c.rating >= :satisfied"
				+ " and c.rated_at >= :from and c.rated_at < :to order by c.id")
			.params(subtree.param())
			.param("satisfied", CaseSatisfaction.SATISFIED_FROM)
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query((rs, n) -> new SatisfiedCase(rs.getLong("case_id"), rs.getLong("org_id"), rs.getString("org_path"),
					rs.getTimestamp("rated_at").toInstant()))
			.list();
	}

	/** Visits of the subtree completed (visited) from … to, by id. */
	@Transactional(readOnly = true)
	public List<CompletedVisit> completedVisits(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select v.id as visit_id, v.org_id, v.org_path, v.visited_on from visit v where "
				+ subtree.on("v.org_path") + " and v.state = 'COMPLETED' and v.visited_on between :from and :to order by v.id")
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(CompletedVisit.class)
			.list();
	}

}
