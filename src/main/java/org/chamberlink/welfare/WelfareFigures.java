package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.member.MemberFigures;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Welfare figures for any node of the caller's subtree and any period: enterprises and chambers
 * involved, villages paired, advisers, projects, committed against delivered money, goods, people
 * employed, and the participation rate — organisations and member enterprises involved ÷ all
 * active organisations and member enterprises of the subtree. The pairings counted are those
 * active in the period (started by its end, not ended before its start); money delivered is what
 * was paid within it.
 * <p>
 * One statement answers the node and every row of its drill-down (decision 49): each figure is
 * grouped by the next organisation on the row's path ({@code grouping sets}: each organisation
 * directly below, the node's own level, and the whole subtree), over index ranges of the copied
 * path — pairings, their helpers (path and dates copied onto them), advisers, payments — and a
 * pairing's projects are read from its tally ({@code welfare_pairing_tally}), not summed per
 * project. Active organisations come from the organisation module's published view, member
 * enterprises from the member module's tally ({@link MemberFigures}).
 */
@Service
public class WelfareFigures {

	/** Row key of the whole subtree; the node's own level is 0, an organisation below its id. */
	static final long WHOLE = -1;

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final MemberFigures members;

	private final Clock clock;

	WelfareFigures(JdbcClient jdbc, Organizations organizations, MemberFigures members, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.clock = clock;
	}

	/** The figures of the node's whole subtree; not found outside the caller's scope. */
	@Transactional(readOnly = true)
	public WelfareTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		Sums sums = sums(node, from, to, false).getOrDefault(WHOLE, Sums.NONE);
		return sums.totals(node.id(), node.name(), sums.orgsInvolvedInTotal() + sums.enterprises(),
				sums.activeOrgs() + members.enterprises(node.id()));
	}

	/**
	 * The node's own level (its own pairings; its own organisation and member enterprises) and each
	 * organisation directly below. The own level's participation counts, of its own organisation
	 * and its own member enterprises (the denominator), those taking part in any pairing of the
	 * subtree active in the period — so it never exceeds 100 %; an organisation below counts the
	 * organisations of its subtree and the enterprises in its subtree's pairings, as the whole does.
	 */
	@Transactional(readOnly = true)
	public List<WelfareTotals> below(Long orgId, LocalDate from, LocalDate to) {
		return drillDown(orgId, from, to).below();
	}

	/** The node's whole subtree and its drill-down ({@link #below}), counted by one grouped statement. */
	public record DrillDown(WelfareTotals whole, List<WelfareTotals> below) {
	}

	/** {@link #totals} and {@link #below} at once, from the same grouped statement. */
	@Transactional(readOnly = true)
	public DrillDown drillDown(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		Map<Long, Sums> sums = sums(node, from, to, true);
		// the member enterprises of the node's own level and of each organisation below, from one grouped count
		Map<Long, Long> enterprises = new HashMap<>();
		long ownMembers = 0;
		long allMembers = 0;
		for (Map.Entry<Long, Long> counted : members.enterprisesBelow(node.id()).entrySet()) {
			allMembers += counted.getValue();
			if (counted.getKey() == null) {
				ownMembers = counted.getValue();
			}
			else {
				enterprises.put(counted.getKey(), counted.getValue());
			}
		}
		Sums whole = sums.getOrDefault(WHOLE, Sums.NONE);
		Sums own = sums.getOrDefault(0L, Sums.NONE);
		List<WelfareTotals> rows = new ArrayList<>();
		rows.add(own.totals(node.id(), node.name(), whole.ownOrgInvolved() + whole.ownMembersInvolved(),
				own.activeOrgs() + ownMembers));
		for (OrganizationSummary child : organizations.children(node.id())) {
			Sums row = sums.getOrDefault(child.id(), Sums.NONE);
			rows.add(row.totals(child.id(), child.name(), row.orgsInvolvedInRow() + row.enterprises(),
					row.activeOrgs() + enterprises.getOrDefault(child.id(), 0L)));
		}
		WelfareTotals total = whole.totals(node.id(), node.name(), whole.orgsInvolvedInTotal() + whole.enterprises(),
				whole.activeOrgs() + allMembers);
		return new DrillDown(total, rows);
	}

	record Sums(long k, long enterprises, long chambers, long villages, long advisers, long projects, long committedFen,
			long deliveredFen, long goodsFen, long peopleEmployed, long beneficiaries, long orgsInvolvedInRow,
			long orgsInvolvedInTotal, long activeOrgs, long ownOrgInvolved, long ownMembersInvolved) {

		static final Sums NONE = new Sums(WHOLE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		WelfareTotals totals(Long id, String name, long involved, long all) {
			return new WelfareTotals(id, name, enterprises, chambers, villages, advisers, projects, committedFen, deliveredFen,
					goodsFen, peopleEmployed, beneficiaries, involved, all);
		}

	}

	/** The own level's member enterprises taking part in the subtree's pairings (the member module's published view). */
	private static final String OWN_MEMBERS = """
			(select count(distinct hx.party_id) from hx where hx.party_id in
			   (select m.party_id from published_membership m where m.org_id = :own and (m.left_on is null or m.left_on > :today)))""";

	private Map<Long, Sums> sums(OrganizationSummary node, LocalDate from, LocalDate to, boolean grouped) {
		// a period ending before it starts has no prefix sums to take apart: counted from the rows
		boolean direct = from == null || to == null || from.isAfter(to);
		return direct ? sumsDirect(node, from, to, grouped) : sumsCounted(node, from, to, grouped);
	}

	/** The sums from the pre-counted scopes (V134), as {@link #reachSql} reads them. */
	private Map<Long, Sums> sumsCounted(OrganizationSummary node, LocalDate from, LocalDate to, boolean grouped) {
		DataScope subtree = DataScope.subtree(node.path());
		Map<Long, Sums> rows = new HashMap<>();
		jdbc.sql(reachSql(grouped, subtree))
			.params(subtree.param())
			.param("path", node.path())
			.param("cut", node.path().length() + 1)
			.param("own", node.id())
			.param("from", from)
			.param("to", to)
			.param("fromMonth", from.withDayOfMonth(1))
			.param("toMonth", to.withDayOfMonth(1))
			.param("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)))
			.query(Sums.class)
			.list()
			.forEach(row -> rows.put(row.k(), row));
		return rows;
	}

	/** The sums counted from the rows themselves ({@link #sumsSql}): the reference the pre-counted figures must equal. */
	Map<Long, Sums> sumsDirect(OrganizationSummary node, LocalDate from, LocalDate to, boolean grouped) {
		DataScope subtree = DataScope.subtree(node.path());
		Map<Long, Sums> rows = new HashMap<>();
		jdbc.sql(sumsSql(grouped, subtree))
			.params(subtree.param())
			.param("cut", node.path().length() + 1)
			.param("own", node.id())
			.param("from", from)
			.param("to", to)
			.param("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)))
			.query(Sums.class)
			.list()
			.forEach(row -> rows.put(row.k(), row));
		return rows;
	}

	/** The node's sums (key -1 whole, 0 own level, else each organisation below) both ways, for the test that they agree. */
	@Transactional(readOnly = true)
	Map<Long, Sums> sumsBothWays(Long orgId, LocalDate from, LocalDate to, boolean grouped, boolean direct) {
		OrganizationSummary node = organizations.get(orgId);
		return direct ? sumsDirect(node, from, to, grouped) : sumsCounted(node, from, to, grouped);
	}

	/**
	 * The sums read from the pre-counted scopes (V134, decision 49): for the node's subtree (key -1),
	 * its own level (0) and, with {@code grouped}, the subtree of each organisation directly below
	 * (its id), each figure is (what started by {@code to}) - (what ended before {@code from}) from
	 * the day counts (whole months, then the cut's month by day), less the gaps between a thing's
	 * islands that the period spans, plus the projects started after their pairing ended that it
	 * spans; organisations involved from their islands, active ones only; active organisations from
	 * the published view; the own level's member enterprises taking part from their islands.
	 * Parameters: the subtree's ({@link DataScope#param()}), {@code path} (the node's), {@code cut}
	 * (its length + 1), {@code own} (the node's id), {@code from}, {@code to}, {@code fromMonth},
	 * {@code toMonth} (their months' first days), {@code today}. Public for the benchmark.
	 */
	public static String reachSql(boolean grouped, DataScope subtree) {
		List<String> scopes = grouped ? List.of("%1$s.scope_path = :path", "%1$s.parent_path = :path and not %1$s.own")
				: List.of("%1$s.scope_path = :path and not %1$s.own");
		List<String> parts = new ArrayList<>();
		List<String> orgs = new ArrayList<>();
		for (String scope : scopes) {
			String d = scope.formatted("d");
			parts.add("select d.scope_path, d.own, d.kind, sum(d.starts) as n from welfare_reach_day d where " + d
					+ " and d.grain = 'M' and d.day < :toMonth group by 1, 2, 3");
			parts.add("select d.scope_path, d.own, d.kind, sum(d.starts) from welfare_reach_day d where " + d
					+ " and d.grain = 'D' and d.day >= :toMonth and d.day <= :to group by 1, 2, 3");
			parts.add("select d.scope_path, d.own, d.kind, -sum(d.ends) from welfare_reach_day d where " + d
					+ " and d.grain = 'M' and d.day < :fromMonth group by 1, 2, 3");
			parts.add("select d.scope_path, d.own, d.kind, -sum(d.ends) from welfare_reach_day d where " + d
					+ " and d.grain = 'D' and d.day >= :fromMonth and d.day < :from group by 1, 2, 3");
			String r = scope.formatted("r");
			parts.add("select r.scope_path, r.own, r.kind, -count(*) from welfare_reach r where " + r
					+ " and r.prev_ends_on is not null and r.kind <> 'O' and r.prev_ends_on >= :from and r.starts_on <= :to group by 1, 2, 3");
			String l = scope.formatted("l");
			parts.add("select l.scope_path, l.own, l.kind, sum(l.v) from welfare_figure_late l where " + l
					+ " and l.a >= :from and l.b <= :to group by 1, 2, 3");
		}
		// organisations involved: in the drill-down from the own level's and each row's islands (their union is the
		// whole's), a row's own organisations those under it (the own level's: the node); alone from the whole's
		for (String scope : grouped ? List.of("%1$s.scope_path = :path and %1$s.own", "%1$s.parent_path = :path and not %1$s.own")
				: scopes) {
			orgs.add("select r.scope_path, r.own, r.x from welfare_reach r where " + scope.formatted("r")
					+ " and r.kind = 'O' and r.starts_on <= :to and (r.ends_on is null or r.ends_on >= :from)");
		}
		String key = "case when %1$s.scope_path = :path then case when %1$s.own then 0 else -1 end"
				+ " else split_part(substr(%1$s.scope_path, :cut), '/', 1)::bigint end";
		String poKey = "coalesce(nullif(split_part(substr(po.path, :cut), '/', 1), '')::bigint, 0)";
		return """
				with h as (%1$s),
				     o as (%2$s)
				select k, sum(enterprises)::bigint as enterprises, sum(chambers)::bigint as chambers, sum(villages)::bigint as villages,
				       sum(advisers)::bigint as advisers, sum(projects)::bigint as projects, sum(committed_fen)::bigint as committed_fen,
				       sum(delivered_fen)::bigint as delivered_fen, sum(goods_fen)::bigint as goods_fen,
				       sum(people_employed)::bigint as people_employed, sum(beneficiaries)::bigint as beneficiaries,
				       sum(orgs_in_row)::bigint as orgs_involved_in_row, sum(orgs_in_total)::bigint as orgs_involved_in_total,
				       sum(active_orgs)::bigint as active_orgs, sum(own_org)::bigint as own_org_involved,
				       sum(own_members)::bigint as own_members_involved
				from (
				    select k, coalesce(sum(n) filter (where kind = 'E'), 0) as enterprises, coalesce(sum(n) filter (where kind = 'C'), 0) as chambers,
				           coalesce(sum(n) filter (where kind = 'V'), 0) as villages, coalesce(sum(n) filter (where kind = 'A'), 0) as advisers,
				           coalesce(sum(n) filter (where kind = 'P'), 0) as projects, coalesce(sum(n) filter (where kind = 'K'), 0) as committed_fen,
				           coalesce(sum(n) filter (where kind = 'M'), 0) as delivered_fen, coalesce(sum(n) filter (where kind = 'G'), 0) as goods_fen,
				           coalesce(sum(n) filter (where kind = 'W'), 0) as people_employed,
				           coalesce(sum(n) filter (where kind = 'B'), 0) as beneficiaries,
				           0 as orgs_in_row, 0 as orgs_in_total, 0 as active_orgs, 0 as own_org, 0 as own_members
				    from (select %3$s as k, h.kind, h.n from h) h group by k
				    union all
				    select coalesce(k, -1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(distinct x) filter (where in_row), count(distinct x),
				           0, count(distinct x) filter (where %8$s), 0
				    from (select %4$s as k, o.x, case when o.scope_path <> :path then po.path like o.scope_path || '%%'
				                                      when o.own then o.x = :own else true end as in_row
				          from o join published_organization po on po.org_id = o.x and po.status = 'ACTIVE' and %9$s) o
				    %6$s
				    union all
				    select coalesce(k, -1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0, 0
				    from (select %5$s as k from published_organization po where po.status = 'ACTIVE' and %9$s) a
				    %6$s
				    union all
				    select -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, %7$s
				) parts
				group by k
				""".formatted(String.join("\n union all ", parts), String.join("\n union all ", orgs), key.formatted("h"),
				key.formatted("o"), grouped ? poKey : "-1", grouped ? "group by grouping sets ((k), ())" : "group by k",
				grouped ? OWN_REACH : "0", grouped ? "x = :own" : "true", subtree.on("po.path"));
	}

	/** The own level's current member enterprises with an island of help in the subtree active in the period. */
	private static final String OWN_REACH = """
			(select count(distinct m.party_id) from published_membership m
			 where m.org_id = :own and (m.left_on is null or m.left_on > :today)
			   and exists (select 1 from welfare_reach r where r.scope_path = :path and not r.own and r.kind = 'E' and r.x = m.party_id
			               and r.starts_on <= :to and (r.ends_on is null or r.ends_on >= :from)))""";

	/**
	 * The sums' statement: one row per key (-1 the whole subtree, 0 the node's own level, else the
	 * organisation directly below whose subtree the rows lie in; with {@code grouped} false only the
	 * whole). Parameters: the subtree's ({@link DataScope#param()}), {@code cut} (the node's path's
	 * length + 1), {@code own} (the node's id), {@code from}, {@code to}, {@code today}. Public for
	 * the benchmark, which times and explains it.
	 */
	public static String sumsSql(boolean grouped, DataScope subtree) {
		String group = grouped ? " group by grouping sets ((k), ())" : "";
		String selK = grouped ? "coalesce(k, -1)" : "-1";
		java.util.function.Function<String, String> key = path -> grouped
				? "coalesce(nullif(split_part(substr(" + path + ", :cut), '/', 1), '')::bigint, 0)" : "0";
		return """
				with pr as materialized (
				         select p.id, p.org_id, p.village_id, %1$s as k, t.projects, t.committed_fen, t.goods_fen, t.people_employed,
				                t.beneficiaries, t.last_started_on
				         from welfare_pairing p left join welfare_pairing_tally t on t.pairing_id = p.id
				         where %2$s and p.starts_on <= :to and (p.ends_on is null or p.ends_on >= :from)),
				     hx as materialized (
				         select %3$s as k, x.party_id, x.chamber_id from welfare_pairing_party x
				         where %4$s and x.starts_on <= :to and (x.ends_on is null or x.ends_on >= :from)),
				     io as (select k, org_id as o from pr union select k, chamber_id from hx where chamber_id is not null)
				select k, sum(enterprises)::bigint as enterprises, sum(chambers)::bigint as chambers, sum(villages)::bigint as villages,
				       sum(advisers)::bigint as advisers, sum(projects)::bigint as projects, sum(committed_fen)::bigint as committed_fen,
				       sum(delivered_fen)::bigint as delivered_fen, sum(goods_fen)::bigint as goods_fen,
				       sum(people_employed)::bigint as people_employed, sum(beneficiaries)::bigint as beneficiaries,
				       sum(orgs_in_row)::bigint as orgs_involved_in_row, sum(orgs_in_total)::bigint as orgs_involved_in_total,
				       sum(active_orgs)::bigint as active_orgs, sum(own_org)::bigint as own_org_involved,
				       sum(own_members)::bigint as own_members_involved
				from (
				    select %5$s as k, count(distinct party_id) as enterprises, count(distinct chamber_id) as chambers,
				           0 as villages, 0 as advisers, 0 as projects, 0 as committed_fen, 0 as delivered_fen, 0 as goods_fen,
				           0 as people_employed, 0 as beneficiaries, 0 as orgs_in_row, 0 as orgs_in_total, 0 as active_orgs,
				           0 as own_org, 0 as own_members
				    from hx %6$s
				    union all
				    select %5$s, 0, 0, count(distinct village_id), 0, coalesce(sum(projects) filter (where last_started_on <= :to), 0),
				           coalesce(sum(committed_fen) filter (where last_started_on <= :to), 0), 0,
				           coalesce(sum(goods_fen) filter (where last_started_on <= :to), 0),
				           coalesce(sum(people_employed) filter (where last_started_on <= :to), 0),
				           coalesce(sum(beneficiaries) filter (where last_started_on <= :to), 0), 0, 0, 0, 0, 0
				    from pr %6$s
				    union all
				    select %5$s, 0, 0, 0, count(distinct party_id), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
				    from (select %8$s as k, a.party_id from welfare_adviser a
				          where %9$s and a.starts_on <= :to and (a.ends_on is null or a.ends_on >= :from)) a %6$s
				    union all
				    select %5$s, 0, 0, 0, 0, count(*), sum(committed_fen), 0, sum(goods_fen), sum(people_employed), sum(beneficiaries),
				           0, 0, 0, 0, 0
				    from (select pr.k, j.committed_fen, j.goods_fen, j.people_employed, j.beneficiaries
				          from pr join welfare_project j on j.pairing_id = pr.id and j.started_on <= :to
				          where pr.last_started_on > :to) j %6$s
				    union all
				    select %5$s, 0, 0, 0, 0, 0, 0, sum(delivered), 0, 0, 0, 0, 0, 0, 0, 0
				    from (select %10$s as k, delivered
				          from (select m.org_path, sum(m.amount_fen) as delivered from welfare_payment m
				                where %11$s and m.paid_on >= :from and m.paid_on <= :to group by m.org_path) g) m %6$s
				    union all
				    select %5$s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(distinct o) filter (where ok = k), count(distinct o),
				           0, count(distinct o) filter (where ok = 0), 0
				    from (select io.k, io.o, %12$s as ok from io
				          join published_organization po on po.org_id = io.o and po.status = 'ACTIVE' and %13$s) o %6$s
				    union all
				    select %5$s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0, 0
				    from (select %12$s as k from published_organization po where po.status = 'ACTIVE' and %13$s) a %6$s
				    union all
				    select -1, %14$s, %15$s
				) parts
				group by k
				""".formatted(key.apply("p.org_path"), subtree.on("p.org_path"), key.apply("x.org_path"), subtree.on("x.org_path"),
				selK, group, null, key.apply("a.org_path"), subtree.on("a.org_path"), key.apply("g.org_path"),
				subtree.on("m.org_path"), key.apply("po.path"), subtree.on("po.path"), "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0",
				grouped ? OWN_MEMBERS : "0");
	}

}
