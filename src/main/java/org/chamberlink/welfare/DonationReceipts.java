package org.chamberlink.welfare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.TextLimit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What donors gave against their pledges: each receipt of money and/or goods is numbered (JZ +
 * year + sequence) and gives the donor a certificate; a receipt is corrected once, by a new receipt
 * of the opposite amounts. Each receipt publishes {@link DonationReceived}.
 */
@Service
public class DonationReceipts {

	private static final String RECEIPT = """
			select r.id, r.campaign_id, r.pledge_id, r.number, r.received_on, r.money_fen, r.goods_fen, r.corrects_id, r.note,
			       p.donor_name, c.title as campaign_title, null as org_name, c.org_id
			from welfare_receipt r join welfare_pledge p on p.id = r.pledge_id join welfare_campaign c on c.id = r.campaign_id
			""";

	public record Receipt(Long id, Long campaignId, Long pledgeId, String number, LocalDate receivedOn, long moneyFen,
			long goodsFen, Long correctsId, String note, String donorName, String campaignTitle, String orgName) {

		public String money() {
			return DonationChecks.plain(moneyFen);
		}

		public String goods() {
			return DonationChecks.plain(goodsFen);
		}

	}

	public record ReceiptForm(LocalDate receivedOn, String money, String goodsValue, String note) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Donations donations;

	private final DonationPledges pledges;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	DonationReceipts(JdbcClient jdbc, DataScopes scopes, Donations donations, DonationPledges pledges, Organizations organizations,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.donations = donations;
		this.pledges = pledges;
		this.organizations = organizations;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Receives money and/or goods against a pledge: a numbered receipt (JZ + year + sequence). A
	 * pledge that does not exist (or lies outside the scope) is refused as not found; zero or
	 * negative amounts are refused.
	 */
	@Transactional
	public Long receive(Long pledgeId, ReceiptForm form) {
		DonationPledges.Pledge pledge = pledges.find(pledgeId).orElseThrow(() -> new RecordNotFoundException("Pledge", pledgeId));
		Donations.Campaign campaign = donations.get(pledge.campaignId());
		long money = DonationChecks.amountOrZero("money", form.money());
		long goods = DonationChecks.amountOrZero("goodsValue", form.goodsValue());
		DonationChecks.someMoneyOrGoods(money, goods);
		LocalDate on = DonationChecks.notFuture("receivedOn", form.receivedOn(), DonationChecks.today(clock));
		DonationChecks.withinCampaign("receivedOn", on, campaign.endsOn());
		TextLimit.atMost("note", "note", form.note(), 300);
		return issue(campaign, pledge, on, money, goods, Pairings.blankToNull(form.note()), null);
	}

	/** Corrects a receipt with a new numbered receipt of the opposite amounts, dated today; a receipt is corrected once. */
	@Transactional
	public Long correctReceipt(Long receiptId, String reason) {
		Receipt receipt = receiptRow(receiptId);
		String why = DonationChecks.correctionReason(jdbc, "welfare_receipt", receipt.id(), receipt.correctsId(), reason);
		Donations.Campaign campaign = donations.get(receipt.campaignId());
		DonationPledges.Pledge pledge = pledges.ofReceipt(receipt.pledgeId());
		return issue(campaign, pledge, DonationChecks.today(clock), -receipt.moneyFen(), -receipt.goodsFen(), why, receipt.id());
	}

	private Long issue(Donations.Campaign campaign, DonationPledges.Pledge pledge, LocalDate on, long money, long goods, String note,
			Long corrects) {
		long sequence = jdbc.sql("select nextval('welfare_receipt_number_seq')").query(Long.class).single();
		String number = "JZ" + on.getYear() + String.format("%06d", sequence);
		Long id = jdbc.sql("""
				insert into welfare_receipt (campaign_id, pledge_id, org_path, number, received_on, money_fen, goods_fen, corrects_id, note)
				values (:campaign, :pledge, :path, :number, :on, :money, :goods, :corrects, :note) returning id
				""")
			.param("campaign", campaign.id()).param("pledge", pledge.id()).param("path", campaign.orgPath()).param("number", number)
			.param("on", on).param("money", money).param("goods", goods).param("corrects", corrects).param("note", note)
			.query(Long.class).single();
		audit.record(AuditEntry.of(corrects == null ? "WELFARE_RECEIPT_ISSUED" : "WELFARE_RECEIPT_CORRECTED").entity("WelfareReceipt", id)
			.org(campaign.orgId()).summary(number + "：" + pledge.donorName() + " " + DonationChecks.signed(money)
					+ (goods != 0 ? " + " + DonationChecks.signed(goods) : "") + "，" + on + (note != null ? "，" + note : "")));
		events.publishEvent(new DonationReceived(id, number, campaign.id(), campaign.orgId(), campaign.orgPath(), pledge.donorPartyId(),
				pledge.donorOrgId(), money, goods, on, corrects));
		return id;
	}

	private Receipt receiptRow(Long receiptId) {
		DataScope scope = scopes.current();
		return jdbc.sql(RECEIPT + " where r.id = :id and " + scope.on("r.org_path")).param("id", receiptId).params(scope.param())
			.query((rs, n) -> receipt(rs, organizations.namesUnscoped(List.of(rs.getLong("org_id"))).get(rs.getLong("org_id"))))
			.optional().orElseThrow(() -> new RecordNotFoundException("Receipt", receiptId));
	}

	private static Receipt receipt(ResultSet rs, String orgName) throws SQLException {
		return new Receipt(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("pledge_id"), rs.getString("number"),
				rs.getObject("received_on", LocalDate.class), rs.getLong("money_fen"), rs.getLong("goods_fen"),
				(Long) rs.getObject("corrects_id"), rs.getString("note"), rs.getString("donor_name"), rs.getString("campaign_title"),
				orgName);
	}

	/** One receipt in scope, named, for its certificate. */
	@Transactional(readOnly = true)
	public Receipt receipt(Long receiptId) {
		return receiptRow(receiptId);
	}

	@Transactional(readOnly = true)
	public List<Receipt> receipts(Long campaignId) {
		Donations.Campaign campaign = donations.get(campaignId);
		return jdbc.sql(RECEIPT + " where r.campaign_id = :c order by r.received_on, r.id").param("c", campaign.id())
			.query((rs, n) -> receipt(rs, campaign.orgName()))
			.list();
	}

}
