package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donation campaigns (捐赠) run by an organisation for its subtree, with their running totals.
 * Donors pledge and give through {@link DonationPledges} and {@link DonationReceipts}; transfers
 * record where the money went ({@link DonationTransfers}); {@link DonorTotals} adds up who gave
 * what, and the public thank-you roll. Money is never edited: a correction is a new entry with the
 * opposite amounts naming the one it corrects.
 */
@Service
public class Donations {

	static final String CAMPAIGN = """
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

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Clock clock;

	Donations(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
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
		Map<CampaignKind, Long> sums = new EnumMap<>(CampaignKind.class);
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
		LocalDate starts = form.startsOn() == null ? DonationChecks.today(clock) : form.startsOn();
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

	private Campaign named(Campaign campaign) {
		return campaign.named(organizations.namesUnscoped(List.of(campaign.orgId())).get(campaign.orgId()));
	}

}
