package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.List;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The welfare records of a past period that still stand, in one query each: for a module that
 * counts them afresh (the points ledger's back-fill), named as {@link DonationReceived} and
 * {@link PairingProjectDelivered} name them. Within an organisation's subtree looked up in the
 * caller's scope.
 */
@Service
public class WelfareHistory {

	/** A receipt with money or goods that no correction has taken back. */
	public record StandingReceipt(Long receiptId, Long campaignOrgId, String campaignOrgPath, Long donorOrgId, LocalDate receivedOn) {
	}

	/** A project that has delivered money (net of corrections), from its first payment. */
	public record DeliveringProject(Long projectId, Long orgId, String orgPath, List<Long> chamberIds, LocalDate firstPaidOn) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	WelfareHistory(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** Receipts of the subtree's campaigns received from … to and not corrected, by receipt id. */
	@Transactional(readOnly = true)
	public List<StandingReceipt> standingReceipts(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("""
				select r.id as receipt_id, c.org_id as campaign_org_id, c.org_path as campaign_org_path, p.donor_org_id,
				    r.received_on
				from welfare_receipt r
				join welfare_campaign c on c.id = r.campaign_id
				join welfare_pledge p on p.id = r.pledge_id
				where """ + " " + subtree.on("r.org_path") + " " + """
				 and r.received_on between :from and :to and r.corrects_id is null and r.money_fen + r.goods_fen > 0
				 and not exists (select 1 from welfare_receipt k where k.corrects_id = r.id)
				order by r.id
				""")
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(StandingReceipt.class)
			.list();
	}

	/** Projects of the subtree whose first payment fell from … to and whose delivered money is above zero. */
	@Transactional(readOnly = true)
	public List<DeliveringProject> deliveringProjects(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("""
				select j.id as project_id, g.org_id, g.org_path,
				    array(select pp.chamber_id from welfare_pairing_party pp where pp.pairing_id = g.id and pp.chamber_id is not null
				          order by pp.chamber_id) as chamber_ids,
				    d.first_paid_on
				from welfare_project j
				join welfare_pairing g on g.id = j.pairing_id
				join lateral (select min(y.paid_on) filter (where y.amount_fen > 0) as first_paid_on, sum(y.amount_fen) as delivered
				              from welfare_payment y where y.project_id = j.id) d on true
				where """ + " " + subtree.on("j.org_path") + " " + """
				 and d.delivered > 0 and d.first_paid_on between :from and :to
				order by j.id
				""")
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new DeliveringProject(rs.getLong("project_id"), rs.getLong("org_id"), rs.getString("org_path"),
					List.of((Long[]) rs.getArray("chamber_ids").getArray()), rs.getObject("first_paid_on", LocalDate.class)))
			.list();
	}

}
