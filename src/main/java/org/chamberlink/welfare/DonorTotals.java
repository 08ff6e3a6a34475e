package org.chamberlink.welfare;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.Fen;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gave what: received money and goods by donor or by campaign's organisation, and the public
 * thank-you roll of a campaign that publishes it. Corrections are netted; a donor whose receipts
 * net to nothing is left out.
 */
@Service
public class DonorTotals {

	/** Received money and goods of a campaign's donors, largest first (a donor counted once whatever its pledges). */
	private static final String BY_DONOR = """
			select p.donor_name, coalesce(sum(r.money_fen), 0) as money_fen, coalesce(sum(r.goods_fen), 0) as goods_fen
			from welfare_receipt r join welfare_pledge p on p.id = r.pledge_id where r.campaign_id = :c%s
			group by p.donor_name, coalesce(p.donor_party_id, 0), coalesce(p.donor_org_id, 0)
			having sum(r.money_fen) + sum(r.goods_fen) > 0
			order by 2 desc, 1
			""";

	/** Money and goods by donor, received. */
	public record DonorTotal(String donorName, long moneyFen, long goodsFen) {

		public String money() {
			return Fen.format(moneyFen);
		}

		public String goods() {
			return Fen.format(goodsFen);
		}

	}

	/** A published campaign's public roll: its title, its organisation and the donors who agreed, with what they gave. */
	public record Roll(String title, String orgName, List<DonorTotal> donors) {
	}

	private final JdbcClient jdbc;

	private final Donations donations;

	private final Organizations organizations;

	DonorTotals(JdbcClient jdbc, Donations donations, Organizations organizations) {
		this.jdbc = jdbc;
		this.donations = donations;
		this.organizations = organizations;
	}

	/** Received money and goods by donor for a campaign, largest first. */
	@Transactional(readOnly = true)
	public List<DonorTotal> byDonor(Long campaignId) {
		Donations.Campaign campaign = donations.get(campaignId);
		return jdbc.sql(BY_DONOR.formatted("")).param("c", campaign.id()).query(DonorTotal.class).list();
	}

	/** Received money and goods of every campaign run within an organisation's subtree, by campaign's organisation. */
	@Transactional(readOnly = true)
	public List<DonorTotal> byOrganization(Long orgId) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		List<DonorTotal> rows = jdbc.sql("""
				select cast(c.org_id as varchar) as donor_name, coalesce(sum(r.money_fen), 0) as money_fen,
				       coalesce(sum(r.goods_fen), 0) as goods_fen
				from welfare_receipt r join welfare_campaign c on c.id = r.campaign_id where
				""" + subtree.on("c.org_path") + " group by c.org_id order by 2 desc").params(subtree.param()).query(DonorTotal.class).list();
		Map<Long, String> names = rows.isEmpty() ? Map.of()
				: organizations.namesUnscoped(rows.stream().map(r -> Long.valueOf(r.donorName())).toList());
		return rows.stream().map(r -> new DonorTotal(names.get(Long.valueOf(r.donorName())), r.moneyFen(), r.goodsFen())).toList();
	}

	/**
	 * Received money and goods by donor across every campaign run within an organisation's subtree,
	 * largest first (at most 100): a member or organisation counted once however many campaigns it gave to.
	 */
	@Transactional(readOnly = true)
	public List<DonorTotal> byDonorWithin(Long orgId) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("""
				select min(p.donor_name) as donor_name, coalesce(sum(r.money_fen), 0) as money_fen, coalesce(sum(r.goods_fen), 0) as goods_fen
				from welfare_receipt r join welfare_pledge p on p.id = r.pledge_id where
				""" + subtree.on("r.org_path") + """
				 group by coalesce('P' || p.donor_party_id, 'O' || p.donor_org_id, 'N' || p.donor_name)
				having sum(r.money_fen) + sum(r.goods_fen) > 0
				order by 2 desc, 1 limit 100
				""").params(subtree.param()).query(DonorTotal.class).list();
	}

	/**
	 * The public thank-you roll (signed out): only a campaign whose roll is published, and only its
	 * donors who agreed to be named, with what was received. Anything else is not found.
	 */
	@Transactional(readOnly = true)
	public Optional<Roll> rollUnscoped(Long campaignId) {
		Optional<Donations.Campaign> campaign = jdbc.sql(Donations.CAMPAIGN + " where c.id = :id and c.roll_published")
			.param("id", campaignId).query(Donations.Campaign.class).optional();
		return campaign.map(c -> new Roll(c.title(), organizations.namesUnscoped(List.of(c.orgId())).get(c.orgId()),
				jdbc.sql(BY_DONOR.formatted(" and p.consent")).param("c", c.id()).query(DonorTotal.class).list()));
	}

}
