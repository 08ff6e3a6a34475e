package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donation campaigns (捐赠) run by an organisation for its subtree: donors (members or
 * organisations) pledge money and goods, then each receipt against a pledge is numbered and gives
 * the donor a certificate; transfers record where the money went. Money is never edited: a
 * correction is a new entry with the opposite amounts naming the one it corrects. Each receipt
 * publishes {@link DonationReceived}. The public thank-you roll names only donors who agreed, and
 * only once the organisation publishes it.
 */
@Service
public class Donations {

	private static final String CAMPAIGN = """
			select c.id, c.org_id, c.org_path, c.kind, c.title, c.target_fen, c.starts_on, c.ends_on, c.roll_published, c.version,
			       (select coalesce(sum(p.money_fen), 0) from welfare_pledge p where p.campaign_id = c.id) as pledged_fen,
			       (select coalesce(sum(r.money_fen), 0) from welfare_receipt r where r.campaign_id = c.id) as received_fen,
			       (select coalesce(sum(r.goods_fen), 0) from welfare_receipt r where r.campaign_id = c.id) as goods_fen,
			       (select coalesce(sum(t.amount_fen), 0) from welfare_transfer t where t.campaign_id = c.id) as transferred_fen,
			       null as org_name
			from welfare_campaign c
			""";

	public record Campaign(Long id, Long orgId, String orgPath, CampaignKind kind, String title, Long targetFen, LocalDate startsOn,
			LocalDate endsOn, boolean rollPublished, long version, long pledgedFen, long receivedFen, long goodsFen,
			long transferredFen, String orgName) {

		public String target() {
			return targetFen == null ? "—" : Fen.format(targetFen);
		}

		public String pledged() {
			return Fen.format(pledgedFen);
		}

		public String received() {
			return Fen.format(receivedFen);
		}

		public String goods() {
			return Fen.format(goodsFen);
		}

		public String transferred() {
			return Fen.format(transferredFen);
		}

		Campaign named(String name) {
			return new Campaign(id, orgId, orgPath, kind, title, targetFen, startsOn, endsOn, rollPublished, version, pledgedFen,
					receivedFen, goodsFen, transferredFen, name);
		}

	}

	public record CampaignForm(Long orgId, CampaignKind kind, String title, String target, LocalDate startsOn, LocalDate endsOn) {
	}

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

	public record Receipt(Long id, Long campaignId, Long pledgeId, String number, LocalDate receivedOn, long moneyFen,
			long goodsFen, Long correctsId, String note, String donorName, String campaignTitle, String orgName) {

		public String money() {
			return (moneyFen < 0 ? "-" : "") + Fen.format(Math.abs(moneyFen));
		}

		public String goods() {
			return (goodsFen < 0 ? "-" : "") + Fen.format(Math.abs(goodsFen));
		}

		Receipt named(String org) {
			return new Receipt(id, campaignId, pledgeId, number, receivedOn, moneyFen, goodsFen, correctsId, note, donorName,
					campaignTitle, org);
		}

	}

	public record ReceiptForm(LocalDate receivedOn, String money, String goodsValue, String note) {
	}

	public record Transfer(Long id, Long campaignId, String recipient, long amountFen, LocalDate transferredOn, String purpose,
			String documentName, boolean hasDocument, Long correctsId) {

		public String amount() {
			return (amountFen < 0 ? "-" : "") + Fen.format(Math.abs(amountFen));
		}

	}

	public record TransferForm(String recipient, String amount, LocalDate transferredOn, String purpose) {
	}

	/** Money and goods by donor, received. */
	public record DonorTotal(String donorName, long moneyFen, long goodsFen) {

		public String money() {
			return Fen.format(moneyFen);
		}

		public String goods() {
			return Fen.format(goodsFen);
		}

	}

	public record Document(String name, String type, byte[] bytes) {
	}

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Donations(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, ApplicationEventPublisher events,
			Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The money an organisation's own campaigns received between two days (both included), by the
	 * campaign's kind, corrections netted: what its finance disclosure (三公开) counts as donation
	 * income. Goods are not money and are left out. Not found outside the caller's scope.
	 */
	@Transactional(readOnly = true)
	public Map<CampaignKind, Long> receivedByKind(Long orgId, LocalDate from, LocalDate to) {
		organizations.get(orgId);
		Map<CampaignKind, Long> sums = new java.util.EnumMap<>(CampaignKind.class);
		jdbc.sql("""
				select c.kind, sum(r.money_fen) as fen from welfare_campaign c
				join welfare_receipt r on r.campaign_id = c.id
				where c.org_id = :org and r.received_on between :from and :to group by c.kind
				""").param("org", orgId).param("from", from).param("to", to)
			.query((rs, n) -> sums.put(CampaignKind.valueOf(rs.getString("kind")), rs.getLong("fen"))).list();
		return sums;
	}

	@Transactional(readOnly = true)
	public Optional<Campaign> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(CAMPAIGN + " where c.id = :id and " + scope.on("c.org_path")).param("id", id).params(scope.param())
			.query(Campaign.class).optional().map(this::named);
	}

	public Campaign get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Campaign", id));
	}

	@Transactional(readOnly = true)
	public Page<Campaign> search(Long orgId, Pageable pageable) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("c.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (orgId != null) {
			DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
			where.add(subtree.on("c.org_path"));
			params.putAll(subtree.param());
		}
		String condition = String.join(" and ", where);
		long total = jdbc.sql("select count(*) from welfare_campaign c where " + condition).params(params).query(Long.class).single();
		List<Campaign> rows = jdbc.sql(CAMPAIGN + " where " + condition + " order by c.starts_on desc, c.id desc limit :limit offset :offset")
			.params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query(Campaign.class).list();
		Map<Long, String> names = rows.isEmpty() ? Map.of()
				: organizations.namesUnscoped(rows.stream().map(Campaign::orgId).toList());
		return new PageImpl<>(rows.stream().map(c -> c.named(names.get(c.orgId()))).toList(), pageable, total);
	}

	@Transactional
	public Long create(CampaignForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "welfare.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "welfare.organization.notFound"));
		if (form.kind() == null) {
			throw new RuleViolationException("kind", "welfare.required");
		}
		String title = Pairings.blankToNull(form.title());
		if (title == null) {
			throw new RuleViolationException("title", "welfare.required");
		}
		TextLimit.atMost("title", "title", title, 200);
		Long target = form.target() == null || form.target().isBlank() ? null : Projects.money("target", form.target(), false);
		LocalDate starts = form.startsOn() == null ? today() : form.startsOn();
		if (form.endsOn() != null && form.endsOn().isBefore(starts)) {
			throw new RuleViolationException("endsOn", "welfare.dates.order");
		}
		Long id = jdbc.sql("""
				insert into welfare_campaign (org_id, org_path, kind, title, target_fen, starts_on, ends_on)
				values (:org, :path, :kind, :title, :target, :starts, :ends) returning id
				""")
			.param("org", org.id()).param("path", org.path()).param("kind", form.kind().name()).param("title", title)
			.param("target", target).param("starts", starts).param("ends", form.endsOn())
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_CAMPAIGN_CREATED").entity("WelfareCampaign", id).org(org.id())
			.summary(title + "，" + starts + (form.endsOn() != null ? "—" + form.endsOn() : "")
					+ (target != null ? "，¥" + Fen.format(target) : "")));
		return id;
	}

	/** Publishes or withdraws the campaign's thank-you roll. */
	@Transactional
	public void publishRoll(Long campaignId, boolean published) {
		Campaign campaign = get(campaignId);
		jdbc.sql("update welfare_campaign set roll_published = :p, version = version + 1 where id = :id")
			.param("p", published).param("id", campaign.id()).update();
		audit.record(AuditEntry.of(published ? "WELFARE_ROLL_PUBLISHED" : "WELFARE_ROLL_WITHDRAWN").entity("WelfareCampaign", campaign.id())
			.org(campaign.orgId()).summary(campaign.title()));
	}

	@Transactional(readOnly = true)
	public List<Pledge> pledges(Long campaignId) {
		Campaign campaign = get(campaignId);
		return jdbc.sql(PLEDGE + " where p.campaign_id = :c order by p.pledged_on, p.id").param("c", campaign.id())
			.query(Pledge.class).list();
	}

	private static final String PLEDGE = """
			select p.id, p.campaign_id, p.donor_party_id, p.donor_org_id, p.donor_name, p.money_fen, p.goods_fen, p.goods,
			       p.pledged_on, p.consent,
			       (select coalesce(sum(r.money_fen), 0) from welfare_receipt r where r.pledge_id = p.id) as received_fen,
			       (select coalesce(sum(r.goods_fen), 0) from welfare_receipt r where r.pledge_id = p.id) as received_goods_fen
			from welfare_pledge p
			""";

	/** A pledge; refused with nothing written: no donor, a donor outside the scope, no money or goods, a negative amount. */
	@Transactional
	public Long pledge(Long campaignId, PledgeForm form) {
		Campaign campaign = get(campaignId);
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
		long money = form.money() == null || form.money().isBlank() ? 0 : Projects.money("money", form.money(), true);
		long goods = form.goodsValue() == null || form.goodsValue().isBlank() ? 0 : Projects.money("goodsValue", form.goodsValue(), true);
		if (money + goods <= 0) {
			throw new RuleViolationException("money", "welfare.money.positive");
		}
		TextLimit.atMost("goods", "goods", form.goods(), 300);
		LocalDate pledgedOn = form.pledgedOn() == null ? today() : form.pledgedOn();
		if (pledgedOn.isAfter(today())) {
			throw new RuleViolationException("pledgedOn", "welfare.date.future");
		}
		if (campaign.endsOn() != null && pledgedOn.isAfter(campaign.endsOn())) {
			throw new RuleViolationException("pledgedOn", "welfare.campaign.ended", campaign.endsOn());
		}
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

	/**
	 * Receives money and/or goods against a pledge: a numbered receipt (JZ + year + sequence). A
	 * pledge that does not exist (or lies outside the scope) is refused as not found; zero or
	 * negative amounts are refused.
	 */
	@Transactional
	public Long receive(Long pledgeId, ReceiptForm form) {
		DataScope scope = scopes.current();
		Pledge pledge = jdbc.sql(PLEDGE + " where p.id = :id and " + scope.on("p.org_path")).param("id", pledgeId).params(scope.param())
			.query(Pledge.class).optional().orElseThrow(() -> new RecordNotFoundException("Pledge", pledgeId));
		Campaign campaign = get(pledge.campaignId());
		long money = form.money() == null || form.money().isBlank() ? 0 : Projects.money("money", form.money(), true);
		long goods = form.goodsValue() == null || form.goodsValue().isBlank() ? 0 : Projects.money("goodsValue", form.goodsValue(), true);
		if (money + goods <= 0) {
			throw new RuleViolationException("money", "welfare.money.positive");
		}
		LocalDate on = form.receivedOn() == null ? today() : form.receivedOn();
		if (on.isAfter(today())) {
			throw new RuleViolationException("receivedOn", "welfare.date.future");
		}
		if (campaign.endsOn() != null && on.isAfter(campaign.endsOn())) {
			throw new RuleViolationException("receivedOn", "welfare.campaign.ended", campaign.endsOn());
		}
		TextLimit.atMost("note", "note", form.note(), 300);
		return receipt(campaign, pledge, on, money, goods, Pairings.blankToNull(form.note()), null);
	}

	/** Corrects a receipt with a new numbered receipt of the opposite amounts, dated today; a receipt is corrected once. */
	@Transactional
	public Long correctReceipt(Long receiptId, String reason) {
		Receipt receipt = receiptRow(receiptId);
		String why = Pairings.blankToNull(reason);
		if (why == null) {
			throw new RuleViolationException("reason", "welfare.required");
		}
		TextLimit.atMost("reason", "reason", why, 300);
		boolean corrected = receipt.correctsId() != null || jdbc.sql("select exists (select 1 from welfare_receipt where corrects_id = :id)")
			.param("id", receipt.id()).query(Boolean.class).single();
		if (corrected) {
			throw new RuleViolationException("reason", "welfare.payment.alreadyCorrected");
		}
		Campaign campaign = get(receipt.campaignId());
		Pledge pledge = jdbc.sql(PLEDGE + " where p.id = :id").param("id", receipt.pledgeId()).query(Pledge.class).single();
		return receipt(campaign, pledge, today(), -receipt.moneyFen(), -receipt.goodsFen(), why, receipt.id());
	}

	private Long receipt(Campaign campaign, Pledge pledge, LocalDate on, long money, long goods, String note, Long corrects) {
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
			.org(campaign.orgId()).summary(number + "：" + pledge.donorName() + " " + signed(money)
					+ (goods != 0 ? " + " + signed(goods) : "") + "，" + on + (note != null ? "，" + note : "")));
		events.publishEvent(new DonationReceived(id, number, campaign.id(), campaign.orgId(), campaign.orgPath(), pledge.donorPartyId(),
				pledge.donorOrgId(), money, goods, on, corrects));
		return id;
	}

	private static final String RECEIPT = """
			select r.id, r.campaign_id, r.pledge_id, r.number, r.received_on, r.money_fen, r.goods_fen, r.corrects_id, r.note,
			       p.donor_name, c.title as campaign_title, null as org_name, c.org_id
			from welfare_receipt r join welfare_pledge p on p.id = r.pledge_id join welfare_campaign c on c.id = r.campaign_id
			""";

	private Receipt receiptRow(Long receiptId) {
		DataScope scope = scopes.current();
		return jdbc.sql(RECEIPT + " where r.id = :id and " + scope.on("r.org_path")).param("id", receiptId).params(scope.param())
			.query((rs, n) -> new Receipt(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("pledge_id"), rs.getString("number"),
					rs.getObject("received_on", LocalDate.class), rs.getLong("money_fen"), rs.getLong("goods_fen"),
					(Long) rs.getObject("corrects_id"), rs.getString("note"), rs.getString("donor_name"), rs.getString("campaign_title"),
					organizations.namesUnscoped(List.of(rs.getLong("org_id"))).get(rs.getLong("org_id"))))
			.optional().orElseThrow(() -> new RecordNotFoundException("Receipt", receiptId));
	}

	/** One receipt in scope, named, for its certificate. */
	@Transactional(readOnly = true)
	public Receipt receipt(Long receiptId) {
		return receiptRow(receiptId);
	}

	@Transactional(readOnly = true)
	public List<Receipt> receipts(Long campaignId) {
		Campaign campaign = get(campaignId);
		return jdbc.sql(RECEIPT + " where r.campaign_id = :c order by r.received_on, r.id").param("c", campaign.id())
			.query((rs, n) -> new Receipt(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("pledge_id"), rs.getString("number"),
					rs.getObject("received_on", LocalDate.class), rs.getLong("money_fen"), rs.getLong("goods_fen"),
					(Long) rs.getObject("corrects_id"), rs.getString("note"), rs.getString("donor_name"), rs.getString("campaign_title"),
					campaign.orgName()))
			.list();
	}

	@Transactional
	public Long transfer(Long campaignId, TransferForm form, String documentName, String documentType, byte[] document) {
		Campaign campaign = get(campaignId);
		String recipient = Pairings.blankToNull(form.recipient());
		if (recipient == null) {
			throw new RuleViolationException("recipient", "welfare.required");
		}
		TextLimit.atMost("recipient", "recipient", recipient, 200);
		long amount = Projects.money("amount", form.amount(), false);
		LocalDate on = form.transferredOn() == null ? today() : form.transferredOn();
		if (on.isAfter(today())) {
			throw new RuleViolationException("transferredOn", "welfare.date.future");
		}
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
		Transfer transfer = jdbc.sql("select t.id, t.campaign_id, t.recipient, t.amount_fen, t.transferred_on, t.purpose, t.document_name,"
				+ " t.document is not null as has_document, t.corrects_id from welfare_transfer t where t.id = :id and "
				+ scope.on("t.org_path")).param("id", transferId).params(scope.param()).query(Transfer.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("Transfer", transferId));
		String why = Pairings.blankToNull(reason);
		if (why == null) {
			throw new RuleViolationException("reason", "welfare.required");
		}
		TextLimit.atMost("reason", "reason", why, 300);
		boolean corrected = transfer.correctsId() != null || jdbc.sql("select exists (select 1 from welfare_transfer where corrects_id = :id)")
			.param("id", transfer.id()).query(Boolean.class).single();
		if (corrected) {
			throw new RuleViolationException("reason", "welfare.payment.alreadyCorrected");
		}
		Campaign campaign = get(transfer.campaignId());
		LocalDate on = today();
		Long id = jdbc.sql("""
				insert into welfare_transfer (campaign_id, org_path, recipient, amount_fen, transferred_on, purpose, corrects_id)
				values (:campaign, :path, :recipient, :amount, :on, :purpose, :corrects) returning id
				""")
			.param("campaign", campaign.id()).param("path", campaign.orgPath()).param("recipient", transfer.recipient())
			.param("amount", -transfer.amountFen()).param("on", on).param("purpose", why).param("corrects", transfer.id())
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_TRANSFER_CORRECTED").entity("WelfareTransfer", id).org(campaign.orgId())
			.summary(campaign.title() + "：" + transfer.recipient() + " " + signed(-transfer.amountFen()) + "，" + on + "，" + why));
		return id;
	}

	private static String signed(long fen) {
		return (fen < 0 ? "-" : "") + "¥" + Fen.format(Math.abs(fen));
	}

	@Transactional(readOnly = true)
	public List<Transfer> transfers(Long campaignId) {
		Campaign campaign = get(campaignId);
		return jdbc.sql("select id, campaign_id, recipient, amount_fen, transferred_on, purpose, document_name,"
				+ " document is not null as has_document, corrects_id from welfare_transfer where campaign_id = :c"
				+ " order by transferred_on, id").param("c", campaign.id()).query(Transfer.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Document> document(Long transferId) {
		DataScope scope = scopes.current();
		return jdbc.sql("select document_name as name, document_type as type, document as bytes from welfare_transfer t"
				+ " where t.id = :id and t.document is not null and " + scope.on("t.org_path"))
			.param("id", transferId).params(scope.param()).query(Document.class).optional();
	}

	/** Received money and goods by donor for a campaign, largest first. */
	@Transactional(readOnly = true)
	public List<DonorTotal> byDonor(Long campaignId) {
		Campaign campaign = get(campaignId);
		return jdbc.sql("""
				select p.donor_name, coalesce(sum(r.money_fen), 0) as money_fen, coalesce(sum(r.goods_fen), 0) as goods_fen
				from welfare_receipt r join welfare_pledge p on p.id = r.pledge_id where r.campaign_id = :c
				group by p.donor_name, coalesce(p.donor_party_id, 0), coalesce(p.donor_org_id, 0)
				having sum(r.money_fen) + sum(r.goods_fen) > 0
				order by 2 desc, 1
				""").param("c", campaign.id()).query(DonorTotal.class).list();
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

	/** A published campaign's public roll: its title, its organisation and the donors who agreed, with what they gave. */
	public record Roll(String title, String orgName, List<DonorTotal> donors) {
	}

	/**
	 * The public thank-you roll (signed out): only a campaign whose roll is published, and only its
	 * donors who agreed to be named, with what was received. Anything else is not found.
	 */
	@Transactional(readOnly = true)
	public Optional<Roll> rollUnscoped(Long campaignId) {
		Optional<Campaign> campaign = jdbc.sql(CAMPAIGN + " where c.id = :id and c.roll_published").param("id", campaignId)
			.query(Campaign.class).optional();
		return campaign.map(c -> new Roll(c.title(), organizations.namesUnscoped(List.of(c.orgId())).get(c.orgId()),
				jdbc.sql("""
						select p.donor_name, coalesce(sum(r.money_fen), 0) as money_fen, coalesce(sum(r.goods_fen), 0) as goods_fen
						from welfare_receipt r join welfare_pledge p on p.id = r.pledge_id
						where r.campaign_id = :c and p.consent
						group by p.donor_name, coalesce(p.donor_party_id, 0), coalesce(p.donor_org_id, 0)
						having sum(r.money_fen) + sum(r.goods_fen) > 0 order by 2 desc, 1
						""").param("c", c.id()).query(DonorTotal.class).list()));
	}

	private Campaign named(Campaign campaign) {
		return campaign.named(organizations.namesUnscoped(List.of(campaign.orgId())).get(campaign.orgId()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
