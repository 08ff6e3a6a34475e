package org.chamberlink.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyDirectory;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's mutual guarantee fund (联保基金), an insert-only ledger (a database trigger refuses
 * any update or delete): contributions by members, guarantees given, releases and defaults. The
 * balance available for guarantees is contributions − guarantees + releases (a default spends money
 * already committed by its guarantee); outstanding guarantees are guarantees − releases − defaults. A
 * guarantee above the balance, or a release or default above what is outstanding, is refused; a
 * correction is a new entry with the opposite amount naming the one it corrects (once), and may not
 * leave the balance below zero. Entries of one fund are written one at a time (an advisory lock per
 * organisation), so two guarantees cannot both spend the same balance.
 */
@Service
public class GuaranteeFunds {

	public record Entry(Long id, Long orgId, FundEntryKind kind, long amountFen, Long partyId, Long referralId, LocalDate enteredOn,
			String note, Long correctsId, boolean corrected, String partyName) {

		public String amount() {
			return (amountFen < 0 ? "-" : "") + Fen.format(Math.abs(amountFen));
		}

		/** The amount without its sign (a page writes -¥ for a correction). */
		public String magnitude() {
			return Fen.format(Math.abs(amountFen));
		}

		Entry named(String name) {
			return new Entry(id, orgId, kind, amountFen, partyId, referralId, enteredOn, note, correctsId, corrected, name);
		}

	}

	/** The fund's position: money contributed, guarantees outstanding, paid out on defaults, and the balance available. */
	public record Balance(Long orgId, String orgName, long contributedFen, long guaranteedFen, long releasedFen, long defaultedFen) {

		public long availableFen() {
			return contributedFen - guaranteedFen + releasedFen;
		}

		public long outstandingFen() {
			return guaranteedFen - releasedFen - defaultedFen;
		}

		public String available() {
			return Fen.format(availableFen());
		}

		public String outstanding() {
			return Fen.format(outstandingFen());
		}

		public String contributed() {
			return Fen.format(contributedFen);
		}

		public String defaulted() {
			return Fen.format(defaultedFen);
		}

	}

	public record EntryForm(FundEntryKind kind, String amount, Long partyId, Long referralId, LocalDate enteredOn, String note) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final PartyDirectory parties;

	private final AuditTrail audit;

	private final Clock clock;

	GuaranteeFunds(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, PartyDirectory parties,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.parties = parties;
		this.audit = audit;
		this.clock = clock;
	}

	/** The fund of an organisation in the caller's scope. */
	@Transactional(readOnly = true)
	public Balance balance(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		return sums(org.id(), org.name());
	}

	private Balance sums(Long orgId, String name) {
		return jdbc.sql("""
				select :org as org_id, cast(:name as varchar) as org_name,
				       coalesce(sum(amount_fen) filter (where kind = 'CONTRIBUTION'), 0) as contributed_fen,
				       coalesce(sum(amount_fen) filter (where kind = 'GUARANTEE'), 0) as guaranteed_fen,
				       coalesce(sum(amount_fen) filter (where kind = 'RELEASE'), 0) as released_fen,
				       coalesce(sum(amount_fen) filter (where kind = 'DEFAULT'), 0) as defaulted_fen
				from finance_fund_entry where org_id = :org
				""").param("org", orgId).param("name", name).query(Balance.class).single();
	}

	/** The funds of the caller's scope that have entries, by organisation. */
	@Transactional(readOnly = true)
	public List<Balance> funds() {
		DataScope scope = scopes.current();
		List<Long> ids = jdbc.sql("select distinct org_id from finance_fund_entry e where " + scope.on("e.org_path") + " order by org_id")
			.params(scope.param()).query(Long.class).list();
		Map<Long, String> names = ids.isEmpty() ? Map.of() : organizations.namesUnscoped(ids);
		return ids.stream().map(id -> sums(id, names.get(id))).toList();
	}

	/** The fund's entries, newest first (at most 500). */
	@Transactional(readOnly = true)
	public List<Entry> entries(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		List<Entry> rows = jdbc.sql("""
				select e.id, e.org_id, e.kind, e.amount_fen, e.party_id, e.referral_id, e.entered_on, e.note, e.corrects_id,
				       exists (select 1 from finance_fund_entry c where c.corrects_id = e.id) as corrected, null as party_name
				from finance_fund_entry e where e.org_id = :org order by e.entered_on desc, e.id desc limit 500
				""").param("org", org.id()).query(Entry.class).list();
		List<Long> partyIds = rows.stream().map(Entry::partyId).filter(java.util.Objects::nonNull).distinct().toList();
		Map<Long, String> names = partyIds.isEmpty() ? Map.of() : parties.partyNamesByIdUnscoped(partyIds);
		return rows.stream().map(e -> e.named(e.partyId() == null ? null : names.get(e.partyId()))).toList();
	}

	/**
	 * Writes an entry. Refused with nothing written: a missing kind, an amount negative, zero or in the
	 * wrong unit, a member outside the scope, a guarantee above the balance, a release or default
	 * above what is outstanding.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long enter(Long orgId, EntryForm form) {
		OrganizationSummary org = organizations.get(orgId);
		if (form.kind() == null) {
			throw new RuleViolationException("kind", "finance.required", FinanceInput.label("kind"));
		}
		long amount = FinanceInput.money("amount", form.amount());
		Long party = null;
		if (form.partyId() != null) {
			PartyDetails member = members.find(form.partyId())
				.orElseThrow(() -> new RuleViolationException("partyId", "finance.member.notFound"));
			party = member.id();
		}
		else if (form.kind() == FundEntryKind.CONTRIBUTION || form.kind() == FundEntryKind.GUARANTEE) {
			throw new RuleViolationException("partyId", "finance.required", FinanceInput.label("partyId"));
		}
		Long referral = null;
		if (form.referralId() != null) {
			DataScope subtree = DataScope.subtree(org.path());
			referral = jdbc.sql("select id from finance_referral r where r.id = :id and " + subtree.on("r.org_path")).param("id",
					form.referralId()).params(subtree.param()).query(Long.class).optional()
				.orElseThrow(() -> new RuleViolationException("referralId", "finance.referral.notFound"));
		}
		LocalDate on = FinanceInput.notFuture("enteredOn", form.enteredOn(), today());
		String note = FinanceInput.text("note", form.note(), 300, false);
		lock(org.id());
		Balance balance = sums(org.id(), org.name());
		if (form.kind() == FundEntryKind.GUARANTEE && amount > balance.availableFen()) {
			throw new RuleViolationException("amount", "finance.fund.aboveBalance", "¥" + balance.available());
		}
		if ((form.kind() == FundEntryKind.RELEASE || form.kind() == FundEntryKind.DEFAULT) && amount > balance.outstandingFen()) {
			throw new RuleViolationException("amount", "finance.fund.aboveOutstanding", "¥" + balance.outstanding());
		}
		Long id = insert(org, form.kind(), amount, party, referral, on, note, null);
		audit.record(AuditEntry.of("FUND_ENTRY_ADDED").entity("GuaranteeFund", org.id()).org(org.id())
			.summary("finance.audit.fundEntry", new org.springframework.context.support.DefaultMessageSourceResolvable("finance.fundKind." + form.kind().name()), "¥" + Fen.format(amount)));
		return id;
	}

	/** Corrects an entry with a new one of the opposite amount, dated today; an entry is corrected once, a correction never. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long correct(Long entryId, String reason) {
		DataScope scope = scopes.current();
		Entry entry = jdbc.sql("select e.id, e.org_id, e.kind, e.amount_fen, e.party_id, e.referral_id, e.entered_on, e.note, e.corrects_id,"
				+ " exists (select 1 from finance_fund_entry c where c.corrects_id = e.id) as corrected, null as party_name"
				+ " from finance_fund_entry e where e.id = :id and " + scope.on("e.org_path")).param("id", entryId).params(scope.param())
			.query(Entry.class).optional().orElseThrow(() -> new RecordNotFoundException("FundEntry", entryId));
		String why = FinanceInput.text("reason", reason, 300, true);
		if (entry.correctsId() != null || entry.corrected()) {
			throw new RuleViolationException("reason", "finance.fund.alreadyCorrected");
		}
		OrganizationSummary org = organizations.get(entry.orgId());
		lock(org.id());
		Balance balance = sums(org.id(), org.name());
		long available = balance.availableFen();
		long outstanding = balance.outstandingFen();
		switch (entry.kind()) {
			case CONTRIBUTION -> available -= entry.amountFen();
			case GUARANTEE -> {
				available += entry.amountFen();
				outstanding -= entry.amountFen();
			}
			case RELEASE -> {
				available -= entry.amountFen();
				outstanding += entry.amountFen();
			}
			case DEFAULT -> outstanding += entry.amountFen();
		}
		if (available < 0 || outstanding < 0) {
			throw new RuleViolationException("reason", "finance.fund.correctionBelowZero");
		}
		Long id = insert(org, entry.kind(), -entry.amountFen(), entry.partyId(), entry.referralId(), today(), why, entry.id());
		audit.record(AuditEntry.of("FUND_ENTRY_CORRECTED").entity("GuaranteeFund", org.id()).org(org.id()).summary(why));
		return id;
	}

	private Long insert(OrganizationSummary org, FundEntryKind kind, long amount, Long party, Long referral, LocalDate on, String note,
			Long corrects) {
		return jdbc.sql("""
				insert into finance_fund_entry (org_id, org_path, kind, amount_fen, party_id, referral_id, entered_on, note, corrects_id,
				                                created_by)
				values (:org, :path, :kind, :amount, :party, :referral, :on, :note, :corrects, :by) returning id
				""")
			.param("org", org.id()).param("path", org.path()).param("kind", kind.name()).param("amount", amount).param("party", party)
			.param("referral", referral).param("on", on).param("note", note).param("corrects", corrects).param("by", actor())
			.query(Long.class).single();
	}

	private void lock(Long orgId) {
		jdbc.sql("select pg_advisory_xact_lock(4201, cast(:org as int))").param("org", orgId).query((rs, n) -> 1).list();
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
