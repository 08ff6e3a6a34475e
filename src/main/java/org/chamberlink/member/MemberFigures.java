package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationPath;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member-structure figures of any organisation within the caller's scope, read from the
 * trigger-maintained {@code member_tally} (one row per organisation and combination of
 * dimensions), so a province of a million memberships sums a few tens of thousands of rows;
 * as of a past day, corrected by the memberships begun or ended since (decision 57). Growth reads
 * the dated memberships themselves.
 */
@Service
public class MemberFigures {

	private static final String SUMS = """
			coalesce(sum(members) filter (where true), 0)::bigint as total,
			coalesce(sum(members) filter (where kind = 'ENTERPRISE'), 0)::bigint as enterprises,
			coalesce(sum(members) filter (where enterprise_kind = 'PRIVATE_ENTERPRISE'), 0)::bigint as private_enterprises,
			coalesce(sum(members) filter (where enterprise_kind = 'INDIVIDUAL_BUSINESS'), 0)::bigint as individual_businesses,
			coalesce(sum(members) filter (where enterprise_kind = 'OTHER'), 0)::bigint as other_enterprises,
			coalesce(sum(members) filter (where kind = 'PERSON'), 0)::bigint as persons,
			coalesce(sum(members) filter (where kind = 'GROUP'), 0)::bigint as groups,
			coalesce(sum(members) filter (where not out_of_town), 0)::bigint as local,
			coalesce(sum(members) filter (where out_of_town), 0)::bigint as out_of_town,
			coalesce(sum(members) filter (where high_tech), 0)::bigint as high_tech,
			coalesce(sum(members) filter (where kind = 'ENTERPRISE' and not high_tech), 0)::bigint as traditional,
			coalesce(sum(members) filter (where kind = 'PERSON' and party_member), 0)::bigint as party_members,
			coalesce(sum(members) filter (where role = 'PRESIDENT'), 0)::bigint as president,
			coalesce(sum(members) filter (where role = 'VICE_PRESIDENT'), 0)::bigint as vice_president,
			coalesce(sum(members) filter (where role = 'SECRETARY_GENERAL'), 0)::bigint as secretary_general,
			coalesce(sum(members) filter (where role = 'STANDING_DIRECTOR'), 0)::bigint as standing_director,
			coalesce(sum(members) filter (where role = 'DIRECTOR'), 0)::bigint as director,
			coalesce(sum(members) filter (where role = 'SUPERVISOR'), 0)::bigint as supervisor,
			coalesce(sum(members) filter (where role = 'MEMBER'), 0)::bigint as member,
			coalesce(sum(members) filter (where tier = 'CORE'), 0)::bigint as core,
			coalesce(sum(members) filter (where tier = 'CLOSE'), 0)::bigint as close,
			coalesce(sum(members) filter (where tier = 'CONTACT'), 0)::bigint as contact,
			coalesce(sum(members) filter (where tier = 'PERIPHERAL'), 0)::bigint as peripheral
			""";

	/**
	 * The memberships of a subtree as of day {@code :d} (decision 57): those begun by then and not
	 * ended by then ({@code joined_on <= d < left_on}). Read as the tally of open-ended ones less those
	 * that begin after the day, plus those that ended after it — both found in the scope index, which
	 * carries both dates — so today, or a recent 31 December, costs the tally and a few corrections.
	 */
	private static String asOf(DataScope subtree) {
		return """
				from (select org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier, members
				      from member_tally where %s and members <> 0
				      union all
				      select m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, p.party_member,
				             m.role, m.tier, case when m.left_on is null then -1 else 1 end
				      from membership m join party p on p.id = m.party_id
				      where %s and ((m.left_on is null and m.joined_on > :d) or (m.left_on > :d and m.joined_on <= :d))) current
				""".formatted(subtree.on("org_path"), subtree.on("m.org_path"));
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Clock clock;

	MemberFigures(JdbcClient jdbc, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public MemberStructure structure(Long orgId) {
		return structure(orgId, null);
	}

	/** The structure as of a day: memberships begun by then and not yet ended (today when none is given or it lies ahead). */
	@Transactional(readOnly = true)
	public MemberStructure structure(Long orgId, LocalDate asOf) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		return jdbc.sql("select :id as org_id, :name as org_name, " + SUMS + asOf(subtree))
			.param("id", org.id())
			.param("name", org.name())
			.params(subtree.param())
			.param("d", day(asOf))
			.query(MemberStructure.class)
			.single();
	}

	/**
	 * The same figures for each organisation directly below (drill-down), in one scan grouped by
	 * the next id on the path; memberships held by the node itself come as a row with no id.
	 */
	@Transactional(readOnly = true)
	public List<MemberStructure> below(Long orgId) {
		return below(orgId, null);
	}

	/** {@link #below(Long)} as of a day (today when none is given or it lies ahead). */
	@Transactional(readOnly = true)
	public List<MemberStructure> below(Long orgId, LocalDate asOf) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		List<MemberStructure> rows = jdbc.sql("""
				select counted.child as org_id, null as org_name, counted.*
				from (select nullif(split_part(substr(current.org_path, length(:own) + 1), '/', 1), '')::bigint as child,
				      """ + SUMS + asOf(subtree) + """
				      group by 1) counted
				order by counted.child is null, counted.total desc
				""")
			.param("own", org.path())
			.params(subtree.param())
			.param("d", day(asOf))
			.query(MemberStructure.class)
			.list();
		java.util.Map<Long, String> names = organizations.namesUnscoped(rows.stream()
			.map(MemberStructure::orgId)
			.filter(java.util.Objects::nonNull)
			.toList());
		return rows.stream().map(row -> row.named(names)).toList();
	}

	/**
	 * The member enterprises (as of today) of the node's own level (key {@code null}) and of each
	 * organisation directly below — what the welfare participation rate divides by: {@link #below}
	 * with only the enterprises' rows of the tally read and one sum, not the whole structure.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Long> enterprisesBelow(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		java.util.Map<Long, Long> counted = new java.util.HashMap<>();
		jdbc.sql("""
				select nullif(split_part(substr(current.org_path, length(:own) + 1), '/', 1), '')::bigint as child,
				       coalesce(sum(members), 0)::bigint as enterprises
				""" + enterprisesOf(subtree) + " group by 1")
			.param("own", org.path())
			.params(subtree.param())
			.param("d", day(null))
			.query((rs, n) -> counted.put(rs.getObject(1) == null ? null : rs.getLong(1), rs.getLong(2)))
			.list();
		return counted;
	}

	/** The member enterprises (as of today) of the node's whole subtree: {@link #enterprisesBelow} summed, in one sum. */
	@Transactional(readOnly = true)
	public long enterprises(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		return jdbc.sql("select coalesce(sum(members), 0)::bigint " + enterprisesOf(subtree))
			.params(subtree.param())
			.param("d", day(null))
			.query(Long.class)
			.single();
	}

	/** The enterprises' rows of the tally and their corrections as of day {@code :d} (see {@link #asOf}). */
	private static String enterprisesOf(DataScope subtree) {
		return """
				from (select org_path, members from member_tally where %s and kind = 'ENTERPRISE' and members <> 0
				      union all
				      select m.org_path, case when m.left_on is null then -1 else 1 end
				      from membership m join party p on p.id = m.party_id
				      where %s and p.kind = 'ENTERPRISE'
				        and ((m.left_on is null and m.joined_on > :d) or (m.left_on > :d and m.joined_on <= :d))) current
				""".formatted(subtree.on("org_path"), subtree.on("m.org_path"));
	}

	private LocalDate day(LocalDate asOf) {
		LocalDate today = LocalDate.now(clock);
		return asOf == null || asOf.isAfter(today) ? today : asOf;
	}

	@Transactional(readOnly = true)
	public MemberGrowth growth(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(org.path());
		return jdbc.sql("""
				select :from as "from", :to as "to",
				       count(*) filter (where joined_on <= :from and (left_on is null or left_on > :from)) as at_start,
				       count(*) filter (where joined_on <= :to and (left_on is null or left_on > :to)) as at_end,
				       count(*) filter (where joined_on > :from and joined_on <= :to) as joined,
				       count(*) filter (where left_on > :from and left_on <= :to) as "left"
				from membership where %s
				""".formatted(subtree.on("org_path")))
			.param("from", from)
			.param("to", to)
			.params(subtree.param())
			.query(MemberGrowth.class)
			.single();
	}

	/**
	 * {@link #growth} for the subtree of each of several organisations of the caller's scope (others left
	 * out) in one grouped statement: a campaign's pre-fill. Each subtree is a range of {@code membership_scope_ix}.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, MemberGrowth> growthOf(java.util.Collection<Long> orgIds, LocalDate from, LocalDate to) {
		List<OrganizationPath> orgs = organizations.pathsOf(orgIds);
		// the organisations are the caller's (pathsOf is scoped), so their subtrees are too
		java.util.Map<Long, MemberGrowth> growth = new java.util.HashMap<>();
		jdbc.sql("""
				select o.id,
				       count(m.id) filter (where m.joined_on <= :from and (m.left_on is null or m.left_on > :from)) as at_start,
				       count(m.id) filter (where m.joined_on <= :to and (m.left_on is null or m.left_on > :to)) as at_end,
				       count(m.id) filter (where m.joined_on > :from and m.joined_on <= :to) as joined,
				       count(m.id) filter (where m.left_on > :from and m.left_on <= :to) as "left"
				from unnest(cast(:ids as bigint[]), cast(:paths as varchar[]), cast(:ends as varchar[])) o(id, path, path_end)
				left join membership m on m.org_path ~>=~ o.path and m.org_path ~<~ o.path_end
				group by o.id
				""")
			.param("ids", orgs.stream().map(OrganizationPath::id).toArray(Long[]::new))
			.param("paths", orgs.stream().map(OrganizationPath::path).toArray(String[]::new))
			.param("ends", orgs.stream().map(OrganizationPath::subtreeEnd).toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				growth.put(rs.getLong("id"), new MemberGrowth(from, to, rs.getLong("at_start"), rs.getLong("at_end"),
						rs.getLong("joined"), rs.getLong("left")));
				return null;
			})
			.list();
		return growth;
	}

}
