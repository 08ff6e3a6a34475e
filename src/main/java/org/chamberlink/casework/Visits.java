package org.chamberlink.casework;

import java.util.List;

import org.chamberlink.member.PartyDirectory;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationPath;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading visits to members (进企业、访会员、解难题) in the caller's scope: one visit, a quarter's
 * list, a member's visits, and the plan's completion (completed ÷ planned for the quarter).
 * Planning, completing and cancelling them is {@link VisitWorkflow}'s.
 */
@Service
public class Visits {

	/** The most visits a quarter's list shows. */
	static final int QUARTER_LIST_LIMIT = 500;

	/** Planned and completed visits of a quarter, for an organisation's subtree. */
	public record Progress(int year, int quarter, long planned, long completed, long cancelled, long needsRaised) {

		@com.fasterxml.jackson.annotation.JsonProperty
		public String completionRate() {
			return CaseTotals.percent(completed, planned);
		}

	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final PartyDirectory parties;

	Visits(JdbcClient jdbc, DataScopes scopes, Organizations organizations, PartyDirectory parties) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.parties = parties;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<VisitView> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(VisitView.COLUMNS + " where v.id = :id and " + scope.on("v.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(VisitView.class)
			.optional()
			.map(visit -> VisitView.named(List.of(visit), organizations, parties).get(0));
	}

	public VisitView get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Visit", id));
	}

	/** The visits of a quarter in the caller's subtree (or an organisation's), planned first. */
	@Transactional(readOnly = true)
	public List<VisitView> quarter(Long orgId, int year, int quarter) {
		DataScope scope = scopes.current();
		DataScope subtree = DataScope.subtree(orgId == null ? "" : organizations.get(orgId).path());
		return VisitView.named(jdbc.sql(VisitView.COLUMNS + """
				 where %s and %s and v.plan_year = :year and v.plan_quarter = :quarter
				 order by v.state = 'PLANNED' desc, v.visited_on desc nulls last, v.id desc limit %d
				""".formatted(scope.on("v.org_path"), subtree.on("v.org_path"), QUARTER_LIST_LIMIT))
			.params(scope.param())
			.params(subtree.param())
			.param("year", year)
			.param("quarter", quarter)
			.query(VisitView.class)
			.list(), organizations, parties);
	}

	@Transactional(readOnly = true)
	public Progress progress(Long orgId, int year, int quarter) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("""
				select :year as year, :quarter as quarter,
				       count(*) filter (where v.state <> 'CANCELLED') as planned,
				       count(*) filter (where v.state = 'COMPLETED') as completed,
				       count(*) filter (where v.state = 'CANCELLED') as cancelled,
				       (select count(*) from service_case c join visit w on w.id = c.visit_id
				        where %s and w.plan_year = :year and w.plan_quarter = :quarter) as needs_raised
				from visit v where %s and v.plan_year = :year and v.plan_quarter = :quarter
				""".formatted(subtree.on("w.org_path"), subtree.on("v.org_path")))
			.params(subtree.param())
			.param("year", year)
			.param("quarter", quarter)
			.query(Progress.class)
			.single();
	}

	/** Visits planned (not cancelled) and completed in a year's four quarters, for one organisation's subtree. */
	public record YearProgress(Long orgId, long planned, long completed) {
	}

	/**
	 * {@link #progress} summed over the year's four quarters, for the subtree of each of several
	 * organisations of the caller's scope (others left out) in one grouped statement: a campaign's pre-fill.
	 * Each subtree is a range of {@code visit_scope_ix}.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, YearProgress> yearProgressOf(java.util.Collection<Long> orgIds, int year) {
		List<OrganizationPath> orgs = organizations.pathsOf(orgIds);
		DataScope scope = scopes.current();
		java.util.Map<Long, YearProgress> progress = new java.util.HashMap<>();
		jdbc.sql("""
				select o.id as org_id,
				       count(v.id) filter (where v.state <> 'CANCELLED') as planned,
				       count(v.id) filter (where v.state = 'COMPLETED') as completed
				from unnest(cast(:ids as bigint[]), cast(:paths as varchar[]), cast(:ends as varchar[])) o(id, path, path_end)
				left join visit v on v.org_path ~>=~ o.path and v.org_path ~<~ o.path_end
				     and v.plan_year = :year and v.plan_quarter between 1 and 4 and %s
				group by o.id
				""".formatted(scope.on("v.org_path")))
			.param("ids", orgs.stream().map(OrganizationPath::id).toArray(Long[]::new))
			.param("paths", orgs.stream().map(OrganizationPath::path).toArray(String[]::new))
			.param("ends", orgs.stream().map(OrganizationPath::subtreeEnd).toArray(String[]::new))
			.param("year", year)
			.params(scope.param())
			.query(YearProgress.class)
			.list()
			.forEach(row -> progress.put(row.orgId(), row));
		return progress;
	}

	/** The visits to one member the caller can see (the member's page lists them). */
	@Transactional(readOnly = true)
	public List<VisitView> ofParty(Long partyId) {
		DataScope scope = scopes.current();
		return VisitView.named(jdbc.sql(VisitView.COLUMNS + " where v.party_id = :party and " + scope.on("v.org_path") + " order by v.id desc")
			.param("party", partyId)
			.params(scope.param())
			.query(VisitView.class)
			.list(), organizations, parties);
	}

}
