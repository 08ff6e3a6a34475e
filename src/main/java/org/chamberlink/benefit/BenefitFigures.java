package org.chamberlink.benefit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chamberlink.dues.DuesStanding;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benefit figures for any node of the caller's subtree: cards valid (members with a current
 * membership in the subtree and no overdue bill, asked of the dues module), merchants in force,
 * card uses in the period; and uses per merchant and month. Counted by SQL over one range of the
 * path; the memberships are read from the member module's published view.
 */
@Service
public class BenefitFigures {

	/** Uses of one merchant in one month. */
	public record MonthUses(String month, long uses, long members) {
	}

	/** Uses of one merchant in a period, for the figures page's table. */
	public record MerchantUses(Long merchantId, String name, String orgName, long uses, long members) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final DuesStanding standing;

	private final Merchants merchants;

	private final Clock clock;

	BenefitFigures(JdbcClient jdbc, Organizations organizations, DuesStanding standing, Merchants merchants, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.standing = standing;
		this.merchants = merchants;
		this.clock = clock;
	}

	/** The figures of the node's whole subtree; not found outside the caller's scope. */
	@Transactional(readOnly = true)
	public BenefitTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return count(node.id(), node.name(), alias -> subtree.on(alias + ".org_path"), subtree.param(), from, to);
	}

	/** The node's own level and each organisation directly below it. */
	@Transactional(readOnly = true)
	public List<BenefitTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		List<BenefitTotals> rows = new ArrayList<>();
		rows.add(count(node.id(), node.name(), alias -> alias + ".org_path = :own", Map.of("own", node.path()), from, to));
		for (OrganizationSummary child : organizations.children(node.id())) {
			DataScope subtree = DataScope.subtree(child.path());
			rows.add(count(child.id(), child.name(), alias -> subtree.on(alias + ".org_path"), subtree.param(), from, to));
		}
		return rows;
	}

	/** A merchant's uses by month, newest first (the merchant within the caller's scope, else not found). */
	@Transactional(readOnly = true)
	public List<MonthUses> byMonth(Long merchantId) {
		Merchant merchant = merchants.get(merchantId);
		return jdbc.sql("""
				select to_char(u.used_on, 'YYYY-MM') as month, count(*) as uses, count(distinct u.party_id) as members
				from benefit_card_use u where u.merchant_id = :m
				group by 1 order by 1 desc limit 36
				""")
			.param("m", merchant.id())
			.query(MonthUses.class)
			.list();
	}

	/** The merchants of the node's subtree with their uses in the period, most used first. */
	@Transactional(readOnly = true)
	public List<MerchantUses> byMerchant(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		List<MerchantUses> rows = jdbc.sql("""
				select m.id as merchant_id, m.name, null as org_name, count(u.id) as uses, count(distinct u.party_id) as members
				from benefit_merchant m
				left join benefit_card_use u on u.merchant_id = m.id and u.used_on >= :from and u.used_on <= :to
				where %s
				group by m.id, m.name order by count(u.id) desc, m.name limit 200
				""".formatted(subtree.on("m.org_path")))
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(MerchantUses.class)
			.list();
		return rows;
	}

	private record Members(Long membershipId, Long partyId) {
	}

	private BenefitTotals count(Long id, String name, Function<String, String> on, Map<String, ?> params, LocalDate from,
			LocalDate to) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		List<Members> current = jdbc.sql("select m.membership_id, m.party_id from published_membership m where "
				+ on.apply("m") + " and (m.left_on is null or m.left_on > :today)")
			.params(params)
			.param("today", today)
			.query(Members.class)
			.list();
		Set<Long> overdue = standing.overdueAmongUnscoped(current.stream().map(Members::membershipId).toList(), today);
		Set<Long> all = new HashSet<>();
		Set<Long> inArrears = new HashSet<>();
		for (Members m : current) {
			all.add(m.partyId());
			if (overdue.contains(m.membershipId())) {
				inArrears.add(m.partyId());
			}
		}
		long merchantsInForce = jdbc.sql("select count(*) from benefit_merchant x where " + on.apply("x")
				+ " and x.starts_on <= :today and (x.ends_on is null or x.ends_on >= :today)")
			.params(params)
			.param("today", today)
			.query(Long.class)
			.single();
		long uses = jdbc.sql("select count(*) from benefit_card_use u where " + on.apply("u")
				+ " and u.used_on >= :from and u.used_on <= :to")
			.params(params)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		return new BenefitTotals(id, name, all.size() - inArrears.size(), all.size(), merchantsInForce, uses);
	}

}
