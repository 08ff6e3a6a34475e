package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What donors promise a campaign: money and goods pledged by a member, an organisation or a donor
 * named only, with what has been received against each pledge so far.
 */
@Service
public class DonationPledges {

	private static final String PLEDGE = """
			select p.id, p.campaign_id, p.donor_party_id, p.donor_org_id, p.donor_name, p.money_fen, p.goods_fen, p.goods,
			       p.pledged_on, p.consent,
			       (select coalesce(sum(r.money_fen), 0) from welfare_receipt r where r.pledge_id = p.id) as received_fen,
			       (select coalesce(sum(r.goods_fen), 0) from welfare_receipt r where r.pledge_id = p.id) as received_goods_fen
			from welfare_pledge p
			""";

	public record Pledge(Long id, Long campaignId, Long donorPartyId, Long donorOrgId, String donorName, long moneyFen,
			long goodsFen, String goods, LocalDate pledgedOn, boolean consent, long receivedFen, long receivedGoodsFen) {

		public String money() {
			return Fen.format(moneyFen);
		}

		public String goodsValue() {
			return Fen.format(goodsFen);
		}

		public String received() {
			return Fen.format(receivedFen);
		}

	}

	/** The donor is a member (partyId) or an organisation (donorOrgId) in scope, or named only (donorName). */
	public record PledgeForm(Long partyId, Long donorOrgId, String donorName, String money, String goodsValue, String goods,
			LocalDate pledgedOn, Boolean consent) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Donations donations;

	private final Organizations organizations;

	private final Members members;

	private final AuditTrail audit;

	private final Clock clock;

	DonationPledges(JdbcClient jdbc, DataScopes scopes, Donations donations, Organizations organizations, Members members,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.donations = donations;
		this.organizations = organizations;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Pledge> pledges(Long campaignId) {
		Donations.Campaign campaign = donations.get(campaignId);
		return jdbc.sql(PLEDGE + " where p.campaign_id = :c order by p.pledged_on, p.id").param("c", campaign.id())
			.query(Pledge.class).list();
	}

	/** A pledge within the caller's scope. */
	Optional<Pledge> find(Long pledgeId) {
		DataScope scope = scopes.current();
		return jdbc.sql(PLEDGE + " where p.id = :id and " + scope.on("p.org_path")).param("id", pledgeId).params(scope.param())
			.query(Pledge.class).optional();
	}

	/** The pledge a receipt in scope was given against. */
	Pledge ofReceipt(Long pledgeId) {
		return jdbc.sql(PLEDGE + " where p.id = :id").param("id", pledgeId).query(Pledge.class).single();
	}

	/** A pledge; refused with nothing written: no donor, a donor outside the scope, no money or goods, a negative amount. */
	@Transactional
	public Long pledge(Long campaignId, PledgeForm form) {
		Donations.Campaign campaign = donations.get(campaignId);
		String name;
		Long party = null;
		Long donorOrg = null;
		if (form.partyId() != null) {
			PartyDetails donor = members.find(form.partyId())
				.orElseThrow(() -> new RuleViolationException("partyId", "welfare.donor.notFound"));
			party = donor.id();
			name = donor.name();
		}
		else if (form.donorOrgId() != null) {
			OrganizationSummary org = organizations.find(form.donorOrgId())
				.orElseThrow(() -> new RuleViolationException("donorOrgId", "welfare.donor.notFound"));
			donorOrg = org.id();
			name = org.name();
		}
		else {
			name = Pairings.blankToNull(form.donorName());
			if (name == null) {
				throw new RuleViolationException("donorName", "welfare.required");
			}
			TextLimit.atMost("donorName", "donorName", name, 200);
		}
		long money = DonationChecks.amountOrZero("money", form.money());
		long goods = DonationChecks.amountOrZero("goodsValue", form.goodsValue());
		DonationChecks.someMoneyOrGoods(money, goods);
		TextLimit.atMost("goods", "goods", form.goods(), 300);
		LocalDate pledgedOn = DonationChecks.notFuture("pledgedOn", form.pledgedOn(), DonationChecks.today(clock));
		DonationChecks.withinCampaign("pledgedOn", pledgedOn, campaign.endsOn());
		Long id = jdbc.sql("""
				insert into welfare_pledge (campaign_id, org_path, donor_party_id, donor_org_id, donor_name, money_fen, goods_fen, goods,
				                            pledged_on, consent)
				values (:campaign, :path, :party, :org, :name, :money, :goods, :what, :on, :consent) returning id
				""")
			.param("campaign", campaign.id()).param("path", campaign.orgPath()).param("party", party).param("org", donorOrg)
			.param("name", name).param("money", money).param("goods", goods).param("what", Pairings.blankToNull(form.goods()))
			.param("on", pledgedOn).param("consent", Boolean.TRUE.equals(form.consent()))
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_PLEDGE_RECORDED").entity("WelfarePledge", id).org(campaign.orgId())
			.summary(campaign.title() + "：" + name + " ¥" + Fen.format(money) + (goods > 0 ? " + ¥" + Fen.format(goods) : "") + "，"
					+ pledgedOn));
		return id;
	}

}
