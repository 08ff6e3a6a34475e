package org.chamberlink.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyDirectory;
import org.chamberlink.member.PartyEmails;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loan referrals: a member applies (amount, purpose, term in months) in the portal, or staff enter
 * the application for a member of their scope; the chamber recommends it to a bank under an active
 * agreement covering the referral's organisation (a bank without one is refused); the bank's outcome
 * is recorded — granted (amount, annual rate, date) or refused with the reason. Each step is audited;
 * the member sees the status in the portal.
 */
@Service
public class LoanReferrals {

	private static final String COLUMNS = """
			select r.id, r.org_id, r.org_path, r.party_id, r.amount_fen, r.purpose, r.term_months, r.channel, r.status, r.applied_on,
			       r.agreement_id, r.bank, r.recommended_on, r.granted_fen, r.rate_bp, r.decided_on, r.refusal_reason, r.version,
			       null as party_name, null as org_name
			from finance_referral r
			""";

	public record Referral(Long id, Long orgId, String orgPath, Long partyId, long amountFen, String purpose, int termMonths,
			String channel, ReferralStatus status, LocalDate appliedOn, Long agreementId, String bank, LocalDate recommendedOn,
			Long grantedFen, Integer rateBp, LocalDate decidedOn, String refusalReason, long version, String partyName,
			String orgName) {

		public String amount() {
			return Fen.format(amountFen);
		}

		public String granted() {
			return grantedFen == null ? "—" : Fen.format(grantedFen);
		}

		public String rate() {
			return rateBp == null ? "—" : FinanceInput.percent(rateBp);
		}

		Referral named(String party, String org) {
			return new Referral(id, orgId, orgPath, partyId, amountFen, purpose, termMonths, channel, status, appliedOn, agreementId, bank,
					recommendedOn, grantedFen, rateBp, decidedOn, refusalReason, version, party, org);
		}

	}

	/** An application: the member (staff only; the portal's member is the one signed in), the organisation, amount, purpose, term. */
	public record ApplicationForm(Long partyId, Long orgId, String amount, String purpose, Integer termMonths) {
	}

	public record OutcomeForm(String grantedAmount, String rate, LocalDate decidedOn) {
	}

	/** An organisation the signed-in member belongs to, where an application may go. */
	public record OwnOrganization(Long orgId, String orgPath, String orgName) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final PartyDirectory parties;

	private final PartyEmails partyOf;

	private final BankAgreements agreements;

	private final AuditTrail audit;

	private final Clock clock;

	LoanReferrals(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, PartyDirectory parties,
			PartyEmails partyOf, BankAgreements agreements, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.parties = parties;
		this.partyOf = partyOf;
		this.agreements = agreements;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Referral> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where r.id = :id and " + scope.on("r.org_path")).param("id", id).params(scope.param())
			.query(Referral.class).optional().map(r -> named(List.of(r)).get(0));
	}

	public Referral get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("LoanReferral", id));
	}

	/** The referrals of the caller's scope, optionally of one status, newest first (at most 200). */
	@Transactional(readOnly = true)
	public List<Referral> list(ReferralStatus status) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("r.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (status != null) {
			where.add("r.status = :status");
			params.put("status", status.name());
		}
		return named(jdbc.sql(COLUMNS + " where " + String.join(" and ", where) + " order by r.applied_on desc, r.id desc limit 200")
			.params(params).query(Referral.class).list());
	}

	/** Staff enter an application for a member of their scope. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long apply(ApplicationForm form) {
		if (form.partyId() == null) {
			throw new RuleViolationException("partyId", "finance.required", FinanceInput.label("partyId"));
		}
		PartyDetails party = members.find(form.partyId())
			.orElseThrow(() -> new RuleViolationException("partyId", "finance.member.notFound"));
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "finance.required", FinanceInput.label("orgId"));
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "finance.organization.notFound"));
		boolean belongs = jdbc.sql("select exists (select 1 from published_membership m where m.party_id = :p and m.org_id = :o"
				+ " and m.left_on is null)").param("p", party.id()).param("o", org.id()).query(Boolean.class).single();
		if (!belongs) {
			throw new RuleViolationException("orgId", "finance.member.notOfOrganization");
		}
		return insert(party.id(), org.id(), org.path(), form, "STAFF");
	}

	/** The organisations the signed-in member belongs to now. */
	@Transactional(readOnly = true)
	public List<OwnOrganization> ownOrganizations(AccountPrincipal member) {
		Optional<Long> party = partyOf.partyOf(member);
		if (party.isEmpty()) {
			return List.of();
		}
		List<OwnOrganization> rows = jdbc.sql("select distinct m.org_id, m.org_path, null as org_name from published_membership m"
				+ " where m.party_id = :p and m.left_on is null order by m.org_id").param("p", party.get()).query(OwnOrganization.class).list();
		Map<Long, String> names = rows.isEmpty() ? Map.of() : organizations.namesUnscoped(rows.stream().map(OwnOrganization::orgId).toList());
		return rows.stream().map(o -> new OwnOrganization(o.orgId(), o.orgPath(), names.get(o.orgId()))).toList();
	}

	/** A member applies in the portal, to one of their own organisations (the first when none is chosen). */
	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public Long applyOwn(AccountPrincipal member, ApplicationForm form) {
		Long party = partyOf.partyOf(member).orElseThrow(() -> new RuleViolationException("orgId", "finance.member.none"));
		List<OwnOrganization> own = ownOrganizations(member);
		OwnOrganization org = own.stream().filter(o -> form.orgId() == null || o.orgId().equals(form.orgId())).findFirst()
			.orElseThrow(() -> new RuleViolationException("orgId", "finance.organization.notFound"));
		return insert(party, org.orgId(), org.orgPath(), form, "PORTAL");
	}

	/** The signed-in member's own referrals, newest first. */
	@Transactional(readOnly = true)
	public List<Referral> own(AccountPrincipal member) {
		Optional<Long> party = partyOf.partyOf(member);
		if (party.isEmpty()) {
			return List.of();
		}
		return named(jdbc.sql(COLUMNS + " where r.party_id = :p order by r.applied_on desc, r.id desc limit 100").param("p", party.get())
			.query(Referral.class).list());
	}

	private Long insert(Long party, Long orgId, String orgPath, ApplicationForm form, String channel) {
		long amount = FinanceInput.money("amount", form.amount());
		String purpose = FinanceInput.text("purpose", form.purpose(), 500, true);
		if (form.termMonths() == null) {
			throw new RuleViolationException("termMonths", "finance.required", FinanceInput.label("termMonths"));
		}
		if (form.termMonths() < 1 || form.termMonths() > 360) {
			throw new RuleViolationException("termMonths", "finance.term.invalid");
		}
		Long id = jdbc.sql("""
				insert into finance_referral (org_id, org_path, party_id, amount_fen, purpose, term_months, channel, status, applied_on)
				values (:org, :path, :party, :amount, :purpose, :term, :channel, 'APPLIED', :today) returning id
				""")
			.param("org", orgId).param("path", orgPath).param("party", party).param("amount", amount).param("purpose", purpose)
			.param("term", form.termMonths()).param("channel", channel).param("today", today()).query(Long.class).single();
		audit.record(AuditEntry.of("LOAN_REFERRAL_APPLIED").entity("LoanReferral", id).org(orgId).summary("¥" + Fen.format(amount)));
		return id;
	}

	/**
	 * Recommends an application to a bank: by agreement id, or by the bank's name. The agreement must
	 * be active today and cover the referral's organisation; otherwise refused, nothing written.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recommend(Long referralId, Long agreementId, String bank) {
		Referral referral = get(referralId);
		if (referral.status() != ReferralStatus.APPLIED) {
			throw new RuleViolationException("agreementId", "finance.referral.notApplied");
		}
		LocalDate today = today();
		BankAgreements.Agreement agreement;
		if (agreementId != null) {
			agreement = agreements.coveringById(agreementId, referral.orgPath(), today)
				.orElseThrow(() -> new RuleViolationException("agreementId", "finance.referral.noAgreement"));
		}
		else {
			String name = FinanceInput.text("bank", bank, 100, true);
			agreement = agreements.byBankCovering(name, referral.orgPath(), today)
				.orElseThrow(() -> new RuleViolationException("bank", "finance.referral.noAgreement"));
		}
		jdbc.sql("update finance_referral set status = 'RECOMMENDED', agreement_id = :a, bank = :bank, recommended_on = :today,"
				+ " version = version + 1 where id = :id and status = 'APPLIED'").param("a", agreement.id()).param("bank", agreement.bank())
			.param("today", today).param("id", referral.id()).update();
		audit.record(AuditEntry.of("LOAN_REFERRAL_RECOMMENDED").entity("LoanReferral", referral.id()).org(referral.orgId())
			.summary(agreement.bank()));
	}

	/** Records the bank's loan: granted amount, annual rate, date (not in the future, not before the recommendation). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void grant(Long referralId, OutcomeForm form) {
		Referral referral = get(referralId);
		if (referral.status() != ReferralStatus.RECOMMENDED) {
			throw new RuleViolationException("grantedAmount", "finance.referral.notRecommended");
		}
		long granted = FinanceInput.money("grantedAmount", form.grantedAmount());
		int rate = FinanceInput.rate("rate", form.rate());
		LocalDate on = FinanceInput.notFuture("decidedOn", form.decidedOn(), today());
		if (on.isBefore(referral.recommendedOn())) {
			throw new RuleViolationException("decidedOn", "finance.referral.beforeRecommendation");
		}
		jdbc.sql("update finance_referral set status = 'GRANTED', granted_fen = :g, rate_bp = :rate, decided_on = :on,"
				+ " version = version + 1 where id = :id and status = 'RECOMMENDED'").param("g", granted).param("rate", rate).param("on", on)
			.param("id", referral.id()).update();
		audit.record(AuditEntry.of("LOAN_REFERRAL_GRANTED").entity("LoanReferral", referral.id()).org(referral.orgId())
			.summary(referral.bank() + " ¥" + Fen.format(granted) + " " + FinanceInput.percent(rate)));
	}

	/** Records a refusal (by the bank after a recommendation, or by the chamber before one) with its reason. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void refuse(Long referralId, String reason, LocalDate decidedOn) {
		Referral referral = get(referralId);
		if (referral.status() != ReferralStatus.APPLIED && referral.status() != ReferralStatus.RECOMMENDED) {
			throw new RuleViolationException("reason", "finance.referral.decided");
		}
		String why = FinanceInput.text("reason", reason, 500, true);
		LocalDate on = FinanceInput.notFuture("decidedOn", decidedOn, today());
		jdbc.sql("update finance_referral set status = 'REFUSED', refusal_reason = :why, decided_on = :on, version = version + 1"
				+ " where id = :id and status in ('APPLIED', 'RECOMMENDED')").param("why", why).param("on", on).param("id", referral.id())
			.update();
		audit.record(AuditEntry.of("LOAN_REFERRAL_REFUSED").entity("LoanReferral", referral.id()).org(referral.orgId()).summary(why));
	}

	private List<Referral> named(List<Referral> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> party = parties.partyNamesByIdUnscoped(rows.stream().map(Referral::partyId).toList());
		Map<Long, String> org = organizations.namesUnscoped(rows.stream().map(Referral::orgId).toList());
		return rows.stream().map(r -> r.named(party.get(r.partyId()), org.get(r.orgId()))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
