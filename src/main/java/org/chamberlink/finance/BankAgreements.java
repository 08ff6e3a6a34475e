package org.chamberlink.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
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
 * Bank cooperation agreements (银企合作 / 客户群体担保贷款协议): the bank, the organisation that signed,
 * the date, the credit line, the terms and the period. An agreement covers its organisation's subtree:
 * a referral of a chamber below a county may go to a bank the county signed with.
 */
@Service
public class BankAgreements {

	static final String COLUMNS = """
			select a.id, a.org_id, a.org_path, a.bank, a.signed_on, a.credit_line_fen, a.terms, a.starts_on, a.ends_on,
			       (select count(*) from finance_referral r where r.agreement_id = a.id and r.status = 'GRANTED') as loans,
			       (select coalesce(sum(r.granted_fen), 0) from finance_referral r where r.agreement_id = a.id and r.status = 'GRANTED') as granted_fen,
			       null as org_name
			from finance_agreement a
			""";

	public record Agreement(Long id, Long orgId, String orgPath, String bank, LocalDate signedOn, long creditLineFen, String terms,
			LocalDate startsOn, LocalDate endsOn, long loans, long grantedFen, String orgName) {

		public String creditLine() {
			return Fen.format(creditLineFen);
		}

		public String granted() {
			return Fen.format(grantedFen);
		}

		public boolean activeOn(LocalDate day) {
			return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
		}

		Agreement named(String name) {
			return new Agreement(id, orgId, orgPath, bank, signedOn, creditLineFen, terms, startsOn, endsOn, loans, grantedFen, name);
		}

	}

	public record AgreementForm(Long orgId, String bank, LocalDate signedOn, String creditLine, String terms, LocalDate startsOn,
			LocalDate endsOn) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	BankAgreements(JdbcClient jdbc, DataScopes scopes, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Agreement> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where a.id = :id and " + scope.on("a.org_path")).param("id", id).params(scope.param())
			.query(Agreement.class).optional().map(a -> named(List.of(a)).get(0));
	}

	public Agreement get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("BankAgreement", id));
	}

	/** The agreements signed within the caller's scope, newest first (at most 200). */
	@Transactional(readOnly = true)
	public List<Agreement> list() {
		DataScope scope = scopes.current();
		return named(jdbc.sql(COLUMNS + " where " + scope.on("a.org_path") + " order by a.signed_on desc, a.id desc limit 200")
			.params(scope.param()).query(Agreement.class).list());
	}

	/**
	 * The agreements that cover an organisation (signed by it or by an organisation above it) and are
	 * active on the day: the banks a referral of that organisation may go to. The organisation must
	 * be in the caller's scope; the agreements above it are named, not opened.
	 */
	@Transactional(readOnly = true)
	public List<Agreement> covering(Long orgId, LocalDate day) {
		OrganizationSummary org = organizations.get(orgId);
		return named(jdbc.sql(COLUMNS + " where :path like a.org_path || '%' and a.starts_on <= :day"
				+ " and (a.ends_on is null or a.ends_on >= :day) order by a.bank, a.id")
			.param("path", org.path()).param("day", day).query(Agreement.class).list());
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long sign(AgreementForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "finance.required", FinanceInput.label("orgId"));
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "finance.organization.notFound"));
		String bank = FinanceInput.text("bank", form.bank(), 100, true);
		LocalDate today = today();
		LocalDate signed = FinanceInput.notFuture("signedOn", form.signedOn(), today);
		long line = FinanceInput.money("creditLine", form.creditLine());
		String terms = FinanceInput.text("terms", form.terms(), 2000, false);
		LocalDate starts = form.startsOn() == null ? signed : form.startsOn();
		if (form.endsOn() != null && form.endsOn().isBefore(starts)) {
			throw new RuleViolationException("endsOn", "finance.dates.order");
		}
		Long id = jdbc.sql("""
				insert into finance_agreement (org_id, org_path, bank, signed_on, credit_line_fen, terms, starts_on, ends_on)
				values (:org, :path, :bank, :signed, :line, :terms, :starts, :ends) returning id
				""")
			.param("org", org.id()).param("path", org.path()).param("bank", bank).param("signed", signed).param("line", line)
			.param("terms", terms).param("starts", starts).param("ends", form.endsOn()).query(Long.class).single();
		audit.record(AuditEntry.of("BANK_AGREEMENT_SIGNED").entity("BankAgreement", id).org(org.id())
			.summary(bank + " ¥" + Fen.format(line)));
		return id;
	}

	/** Agreement rows as the referral module sees them, for a referral's recommendation (no scope: covering decides). */
	Optional<Agreement> coveringById(Long id, String orgPath, LocalDate day) {
		return jdbc.sql(COLUMNS + " where a.id = :id and :path like a.org_path || '%' and a.starts_on <= :day"
				+ " and (a.ends_on is null or a.ends_on >= :day)").param("id", id).param("path", orgPath).param("day", day)
			.query(Agreement.class).optional();
	}

	Optional<Agreement> byBankCovering(String bank, String orgPath, LocalDate day) {
		return jdbc.sql(COLUMNS + " where a.bank = :bank and :path like a.org_path || '%' and a.starts_on <= :day"
				+ " and (a.ends_on is null or a.ends_on >= :day) order by length(a.org_path) desc, a.id desc limit 1")
			.param("bank", bank).param("path", orgPath).param("day", day).query(Agreement.class).optional();
	}

	private List<Agreement> named(List<Agreement> rows) {
		Map<Long, String> names = rows.isEmpty() ? Map.of() : organizations.namesUnscoped(rows.stream().map(Agreement::orgId).toList());
		return rows.stream().map(a -> a.named(names.get(a.orgId()))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
