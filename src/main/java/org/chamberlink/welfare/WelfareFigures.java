package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.member.MemberFigures;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationPath;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Welfare figures for any node of the caller's subtree and any period: enterprises and chambers
 * involved, villages paired, advisers, projects, committed against delivered money, goods, people
 * employed, and the participation rate — organisations and member enterprises involved ÷ all
 * active organisations and member enterprises of the subtree. The pairings counted are those
 * active in the period (started by its end, not ended before its start); money delivered is what
 * was paid within it. Counted by SQL over one range of the responsible organisation's path; the
 * organisations are the organisation module's to list, the member enterprises the member module's.
 */
@Service
public class WelfareFigures {

	private static final String ACTIVE = " and p.starts_on <= :to and (p.ends_on is null or p.ends_on >= :from)";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final MemberFigures members;

	WelfareFigures(JdbcClient jdbc, Organizations organizations, MemberFigures members) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
	}

	/** The figures of the node's whole subtree; not found outside the caller's scope. */
	@Transactional(readOnly = true)
	public WelfareTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return count(node.id(), node.name(), alias -> subtree.on(alias + ".org_path"), subtree.param(), from, to,
				organizations.activeWithin(node.id()), members.structure(node.id()).enterprises());
	}

	/** The node's own level (its own pairings; its own organisation and members) and each organisation directly below. */
	@Transactional(readOnly = true)
	public List<WelfareTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		List<WelfareTotals> rows = new ArrayList<>();
		// the member enterprises of the node's own level and of each organisation below, from one grouped count
		Map<Long, Long> enterprises = new java.util.HashMap<>();
		long ownMembers = 0;
		for (var counted : members.below(node.id())) {
			if (counted.orgId() == null) {
				ownMembers = counted.enterprises();
			}
			else {
				enterprises.put(counted.orgId(), counted.enterprises());
			}
		}
		List<OrganizationPath> active = organizations.activeWithin(node.id());
		rows.add(count(node.id(), node.name(), alias -> alias + ".org_path = :own", Map.of("own", node.path()), from, to,
				active.stream().filter(o -> o.id().equals(node.id())).toList(), ownMembers));
		for (OrganizationSummary child : organizations.children(node.id())) {
			DataScope subtree = DataScope.subtree(child.path());
			rows.add(count(child.id(), child.name(), alias -> subtree.on(alias + ".org_path"), subtree.param(), from, to,
					active.stream().filter(o -> o.path().startsWith(child.path())).toList(), enterprises.getOrDefault(child.id(), 0L)));
		}
		return rows;
	}

	private record Sums(long enterprises, long chambers, long villages, long advisers, long projects, long committedFen,
			long deliveredFen, long goodsFen, long peopleEmployed, long beneficiaries, String orgIds) {
	}

	/**
	 * The sums' statement for the rows whose path {@code on} (given the table's alias) chooses, with
	 * parameters {@code from} and {@code to}; public for the benchmark, which times and explains it. A
	 * project keeps its pairing's path, so the projects are read by the same range of the path
	 * (index-backed) before they are joined to the pairings active in the period.
	 */
	public static String sumsSql(java.util.function.Function<String, String> on) {
		return """
				with pr as (select p.id, p.org_id, p.village_id from welfare_pairing p where %1$s %2$s),
				     helpers as (select x.party_id, x.chamber_id from welfare_pairing_party x join pr on pr.id = x.pairing_id),
				     pj as (select j.committed_fen, j.goods_fen, j.people_employed, j.beneficiaries from welfare_project j
				            join pr on pr.id = j.pairing_id where %5$s and j.started_on <= :to)
				select (select count(distinct party_id) from helpers where party_id is not null) as enterprises,
				       (select count(distinct chamber_id) from helpers where chamber_id is not null) as chambers,
				       (select count(distinct village_id) from pr) as villages,
				       (select count(distinct a.party_id) from welfare_adviser a where %3$s
				          and a.starts_on <= :to and (a.ends_on is null or a.ends_on >= :from)) as advisers,
				       (select count(*) from pj) as projects,
				       (select coalesce(sum(committed_fen), 0) from pj) as committed_fen,
				       (select coalesce(sum(m.amount_fen), 0) from welfare_payment m where %4$s
				          and m.paid_on >= :from and m.paid_on <= :to) as delivered_fen,
				       (select coalesce(sum(goods_fen), 0) from pj) as goods_fen,
				       (select coalesce(sum(people_employed), 0) from pj) as people_employed,
				       (select coalesce(sum(beneficiaries), 0) from pj) as beneficiaries,
				       (select coalesce(string_agg(distinct cast(o as varchar), ','), '') from
				          (select chamber_id as o from helpers where chamber_id is not null union select org_id from pr) orgs) as org_ids
				""".formatted(on.apply("p"), ACTIVE, on.apply("a"), on.apply("m"), on.apply("j"));
	}

	private WelfareTotals count(Long id, String name, java.util.function.Function<String, String> on, Map<String, ?> params,
			LocalDate from, LocalDate to, List<OrganizationPath> organisations, long memberEnterprises) {
		String sql = sumsSql(on);
		Sums sums = jdbc.sql(sql).params(params).param("from", from).param("to", to).query(Sums.class).single();
		Set<Long> involvedOrgs = new HashSet<>();
		for (String text : sums.orgIds().split(",")) {
			if (!text.isBlank()) {
				involvedOrgs.add(Long.valueOf(text));
			}
		}
		long orgsInvolved = organisations.stream().filter(o -> involvedOrgs.contains(o.id())).count();
		return new WelfareTotals(id, name, sums.enterprises(), sums.chambers(), sums.villages(), sums.advisers(), sums.projects(),
				sums.committedFen(), sums.deliveredFen(), sums.goodsFen(), sums.peopleEmployed(), sums.beneficiaries(),
				orgsInvolved + sums.enterprises(), organisations.size() + memberEnterprises);
	}

}
