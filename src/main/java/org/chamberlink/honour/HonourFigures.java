package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chamberlink.member.MemberFigures;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Honour figures of any subtree in the caller's scope: honours awarded in the period to members
 * of the subtree (revoked ones left out) by level and by programme, nominations sent from the
 * subtree, and the distinct party-member members honoured beside all party-member members (the
 * member module's figure, today).
 */
@Service
public class HonourFigures {

	/** One programme's awards by level in the subtree and period. */
	public record ByProgramme(String programmeName, long county, long city, long province, long national) {

		public long total() {
			return county + city + province + national;
		}

	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final MemberFigures memberFigures;

	HonourFigures(JdbcClient jdbc, Organizations organizations, MemberFigures memberFigures) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.memberFigures = memberFigures;
	}

	@Transactional(readOnly = true)
	public HonourTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		return counts(node, DataScope.subtree(node.path()), from, to, memberFigures.structure(node.id(), to).partyMembers());
	}

	/**
	 * Each organisation directly below the node (the drill-down), in three grouped statements whatever
	 * their number — the nominations, the awards and the party members of the node's subtree, each
	 * grouped by the next id on the path — instead of three per organisation (a level's pre-fill of the
	 * returns below it reads this once per level). Party members as of the period's end, as {@link #totals}.
	 */
	@Transactional(readOnly = true)
	public List<HonourTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		java.util.Map<Long, Long> nominated = new java.util.HashMap<>();
		jdbc.sql("select " + child("n.nominator_org_path") + ", count(*) from honour_nomination n where "
				+ subtree.on("n.nominator_org_path")
				+ " and n.forwarded_from is null and n.status <> 'APPLIED' and n.created_at >= :from and n.created_at < :to group by 1")
			.params(subtree.param())
			.param("own", node.path())
			.param("from", java.sql.Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query((rs, n) -> nominated.put(rs.getLong(1), rs.getLong(2)))
			.list();
		java.util.Map<Long, long[]> awards = new java.util.HashMap<>();
		jdbc.sql("""
				select %s, count(*),
				       count(*) filter (where a.level = 'COUNTY'), count(*) filter (where a.level = 'CITY'),
				       count(*) filter (where a.level = 'PROVINCE'), count(*) filter (where a.level = 'NATIONAL'),
				       count(distinct a.party_id) filter (where a.party_member)
				from honour_award a
				where %s and a.revoked_at is null and a.awarded_on between :from and :to
				group by 1
				""".formatted(child("a.awardee_org_path"), subtree.on("a.awardee_org_path")))
			.params(subtree.param())
			.param("own", node.path())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> awards.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7) }))
			.list();
		java.util.Map<Long, Long> partyMembers = new java.util.HashMap<>();
		memberFigures.below(node.id(), to)
			.stream()
			.filter(row -> row.orgId() != null)
			.forEach(row -> partyMembers.put(row.orgId(), row.partyMembers()));
		List<HonourTotals> rows = new ArrayList<>();
		for (OrganizationSummary child : organizations.children(node.id())) {
			long[] a = awards.getOrDefault(child.id(), new long[6]);
			rows.add(new HonourTotals(child.id(), child.name(), nominated.getOrDefault(child.id(), 0L), a[0], a[1], a[2], a[3], a[4],
					a[5], partyMembers.getOrDefault(child.id(), 0L)));
		}
		return rows;
	}

	/** The id of the organisation directly below the node that a path lies in (0 for the node's own level). */
	private static String child(String path) {
		return "coalesce(nullif(split_part(substr(" + path + ", length(:own) + 1), '/', 1), '')::bigint, 0)";
	}

	/** The subtree's awards of the period by programme and level (seed 000's 光彩之星 2 / 9 / 125 / 640). */
	@Transactional(readOnly = true)
	public List<ByProgramme> byProgramme(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("""
				select a.programme_name,
				       count(*) filter (where a.level = 'COUNTY') as county, count(*) filter (where a.level = 'CITY') as city,
				       count(*) filter (where a.level = 'PROVINCE') as province, count(*) filter (where a.level = 'NATIONAL') as national
				from honour_award a
				where %s and a.revoked_at is null and a.awarded_on between :from and :to
				group by a.programme_name order by count(*) desc, a.programme_name
				""".formatted(subtree.on("a.awardee_org_path")))
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(ByProgramme.class)
			.list();
	}

	private HonourTotals counts(OrganizationSummary node, DataScope subtree, LocalDate from, LocalDate to, long partyMembers) {
		long nominated = jdbc.sql("select count(*) from honour_nomination n where " + subtree.on("n.nominator_org_path")
				+ " and n.forwarded_from is null and n.status <> 'APPLIED' and n.created_at >= :from and n.created_at < :to")
			.params(subtree.param())
			.param("from", java.sql.Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query(Long.class)
			.single();
		return jdbc.sql("""
				select cast(:id as bigint) as org_id, cast(:name as varchar) as org_name, cast(:nominated as bigint) as nominated,
				       count(*) as awarded,
				       count(*) filter (where a.level = 'COUNTY') as county, count(*) filter (where a.level = 'CITY') as city,
				       count(*) filter (where a.level = 'PROVINCE') as province, count(*) filter (where a.level = 'NATIONAL') as national,
				       count(distinct a.party_id) filter (where a.party_member) as party_members_honoured,
				       cast(:partyMembers as bigint) as party_members
				from honour_award a
				where %s and a.revoked_at is null and a.awarded_on between :from and :to
				""".formatted(subtree.on("a.awardee_org_path")))
			.params(subtree.param())
			.param("id", node.id())
			.param("name", node.name())
			.param("nominated", nominated)
			.param("partyMembers", partyMembers)
			.param("from", from)
			.param("to", to)
			.query(HonourTotals.class)
			.single();
	}

}
