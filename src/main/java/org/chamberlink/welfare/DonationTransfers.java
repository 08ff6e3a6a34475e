package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a campaign's money went: transfers to a recipient with their purpose and an optional
 * document; a transfer is corrected once, by a new entry of the opposite amount naming it.
 */
@Service
public class DonationTransfers {

	private static final String TRANSFER = "select t.id, t.campaign_id, t.recipient, t.amount_fen, t.transferred_on, t.purpose,"
			+ " t.document_name, t.document is not null as has_document, t.corrects_id from welfare_transfer t";

	public record Transfer(Long id, Long campaignId, String recipient, long amountFen, LocalDate transferredOn, String purpose,
			String documentName, boolean hasDocument, Long correctsId) {

		public String amount() {
			return DonationChecks.plain(amountFen);
		}

	}

	public record TransferForm(String recipient, String amount, LocalDate transferredOn, String purpose) {
	}

	public record Document(String name, String type, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Donations donations;

	private final AuditTrail audit;

	private final Clock clock;

	DonationTransfers(JdbcClient jdbc, DataScopes scopes, Donations donations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.donations = donations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Long transfer(Long campaignId, TransferForm form, String documentName, String documentType, byte[] document) {
		Donations.Campaign campaign = donations.get(campaignId);
		String recipient = Pairings.blankToNull(form.recipient());
		if (recipient == null) {
			throw new RuleViolationException("recipient", "welfare.required");
		}
		TextLimit.atMost("recipient", "recipient", recipient, 200);
		long amount = Projects.money("amount", form.amount(), false);
		LocalDate on = DonationChecks.notFuture("transferredOn", form.transferredOn(), DonationChecks.today(clock));
		TextLimit.atMost("purpose", "purpose", form.purpose(), 300);
		boolean hasDocument = document != null && document.length > 0;
		Long id = jdbc.sql("""
				insert into welfare_transfer (campaign_id, org_path, recipient, amount_fen, transferred_on, purpose, document_name,
				                              document_type, document)
				values (:campaign, :path, :recipient, :amount, :on, :purpose, :name, :type, :doc) returning id
				""")
			.param("campaign", campaign.id()).param("path", campaign.orgPath()).param("recipient", recipient).param("amount", amount)
			.param("on", on).param("purpose", Pairings.blankToNull(form.purpose()))
			.param("name", hasDocument ? documentName : null).param("type", hasDocument ? documentType : null)
			.param("doc", hasDocument ? document : null)
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_TRANSFER_RECORDED").entity("WelfareTransfer", id).org(campaign.orgId())
			.summary(campaign.title() + "：" + recipient + " ¥" + Fen.format(amount) + "，" + on
					+ (hasDocument ? "，" + documentName : "")));
		return id;
	}

	/** Corrects a transfer by a new entry of the opposite amount, dated today, naming it; a transfer is corrected once. */
	@Transactional
	public Long correctTransfer(Long transferId, String reason) {
		DataScope scope = scopes.current();
		Transfer transfer = jdbc.sql(TRANSFER + " where t.id = :id and " + scope.on("t.org_path")).param("id", transferId)
			.params(scope.param()).query(Transfer.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("Transfer", transferId));
		String why = DonationChecks.correctionReason(jdbc, "welfare_transfer", transfer.id(), transfer.correctsId(), reason);
		Donations.Campaign campaign = donations.get(transfer.campaignId());
		LocalDate on = DonationChecks.today(clock);
		Long id = jdbc.sql("""
				insert into welfare_transfer (campaign_id, org_path, recipient, amount_fen, transferred_on, purpose, corrects_id)
				values (:campaign, :path, :recipient, :amount, :on, :purpose, :corrects) returning id
				""")
			.param("campaign", campaign.id()).param("path", campaign.orgPath()).param("recipient", transfer.recipient())
			.param("amount", -transfer.amountFen()).param("on", on).param("purpose", why).param("corrects", transfer.id())
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_TRANSFER_CORRECTED").entity("WelfareTransfer", id).org(campaign.orgId())
			.summary(campaign.title() + "：" + transfer.recipient() + " " + DonationChecks.signed(-transfer.amountFen()) + "，" + on
					+ "，" + why));
		return id;
	}

	@Transactional(readOnly = true)
	public List<Transfer> transfers(Long campaignId) {
		Donations.Campaign campaign = donations.get(campaignId);
		return jdbc.sql(TRANSFER + " where t.campaign_id = :c order by t.transferred_on, t.id").param("c", campaign.id())
			.query(Transfer.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Document> document(Long transferId) {
		DataScope scope = scopes.current();
		return jdbc.sql("select document_name as name, document_type as type, document as bytes from welfare_transfer t"
				+ " where t.id = :id and t.document is not null and " + scope.on("t.org_path"))
			.param("id", transferId).params(scope.param()).query(Document.class).optional();
	}

}
