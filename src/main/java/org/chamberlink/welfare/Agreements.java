package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.casework.VisitView;
import org.chamberlink.casework.Visits;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyDirectory;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support agreements (帮扶协议, seed 000's 红盾帮扶) an organisation signs with a member household
 * (a person member) or enterprise: goals, responsible staff, the visits made, and the outcome at
 * the end. Visits are recorded here by date, visitors and a note: casework's visits are planned
 * per member and quarter and finished with findings (its own workflow), which does not fit an
 * agreement's visits (decision 0038).
 */
@Service
public class Agreements {

	private static final String COLUMNS = "select a.id, a.org_id, a.org_path, a.party_id, a.goals, a.staff, a.starts_on, a.ends_on,"
			+ " a.outcome, a.status, a.version, (select count(*) from welfare_agreement_visit x where x.agreement_id = a.id) as visits,"
			+ " null as party_name from welfare_agreement a";

	public record Agreement(Long id, Long orgId, String orgPath, Long partyId, String goals, String staff, LocalDate startsOn,
			LocalDate endsOn, String outcome, String status, long version, long visits, String partyName) {

		Agreement named(String name) {
			return new Agreement(id, orgId, orgPath, partyId, goals, staff, startsOn, endsOn, outcome, status, version, visits, name);
		}

	}

	public record AgreementForm(Long orgId, Long partyId, String goals, String staff, LocalDate startsOn, LocalDate endsOn) {
	}

	public record Visit(Long id, LocalDate visitedOn, String visitors, String note) {
	}

	private final AuditTrail audit;

	private final Visits caseworkVisits;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final PartyDirectory parties;

	private final Clock clock;

	Agreements(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, PartyDirectory parties, Clock clock, AuditTrail audit,
			Visits caseworkVisits) {
		this.audit = audit;
		this.caseworkVisits = caseworkVisits;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.parties = parties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Agreement> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where a.id = :id and " + scope.on("a.org_path")).param("id", id).params(scope.param())
			.query(Agreement.class).optional().map(a -> named(List.of(a)).get(0));
	}

	public Agreement get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Agreement", id));
	}

	/** The agreements in the caller's scope, newest first (at most 200). */
	@Transactional(readOnly = true)
	public List<Agreement> list() {
		DataScope scope = scopes.current();
		return named(jdbc.sql(COLUMNS + " where " + scope.on("a.org_path") + " order by a.starts_on desc, a.id desc limit 200")
			.params(scope.param()).query(Agreement.class).list());
	}

	@Transactional
	public Long sign(AgreementForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "welfare.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "welfare.organization.notFound"));
		if (form.partyId() == null) {
			throw new RuleViolationException("partyId", "welfare.required");
		}
		PartyDetails party = members.find(form.partyId())
			.orElseThrow(() -> new RuleViolationException("partyId", "welfare.donor.notFound"));
		String goals = Pairings.blankToNull(form.goals());
		if (goals == null) {
			throw new RuleViolationException("goals", "welfare.required");
		}
		TextLimit.atMost("goals", "goals", goals, 2000);
		String staff = Pairings.blankToNull(form.staff());
		if (staff == null) {
			throw new RuleViolationException("staff", "welfare.required");
		}
		TextLimit.atMost("staff", "staff", staff, 200);
		LocalDate starts = form.startsOn() == null ? today() : form.startsOn();
		if (form.endsOn() != null && form.endsOn().isBefore(starts)) {
			throw new RuleViolationException("endsOn", "welfare.dates.order");
		}
		Long id = jdbc.sql("""
				insert into welfare_agreement (org_id, org_path, party_id, goals, staff, starts_on, ends_on, status)
				values (:org, :path, :party, :goals, :staff, :starts, :ends, 'ACTIVE') returning id
				""")
			.param("org", org.id()).param("path", org.path()).param("party", party.id()).param("goals", goals)
			.param("staff", staff).param("starts", starts).param("ends", form.endsOn())
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_AGREEMENT_SIGNED").entity("WelfareAgreement", id).org(org.id())
			.summary(party.name() + "：" + goals));
		return id;
	}

	@Transactional(readOnly = true)
	public List<Visit> visits(Long agreementId) {
		Agreement agreement = get(agreementId);
		return jdbc.sql("select id, visited_on, visitors, note from welfare_agreement_visit where agreement_id = :a"
				+ " order by visited_on desc, id desc").param("a", agreement.id()).query(Visit.class).list();
	}

	/**
	 * Casework's visits (走访) to the agreement's member during its term, read through casework's API:
	 * those made on a day of the term, and those planned for a quarter that overlaps it. They count
	 * for the agreement without being copied into it, so casework's own plan and figures stay as they are.
	 */
	@Transactional(readOnly = true)
	public List<VisitView> caseworkVisits(Long agreementId) {
		Agreement agreement = get(agreementId);
		LocalDate from = agreement.startsOn();
		LocalDate to = agreement.endsOn() != null ? agreement.endsOn() : today();
		return caseworkVisits.ofParty(agreement.partyId()).stream().filter(v -> {
			if (v.visitedOn() != null) {
				return !v.visitedOn().isBefore(from) && !v.visitedOn().isAfter(to);
			}
			LocalDate quarterStart = LocalDate.of(v.planYear(), (v.planQuarter() - 1) * 3 + 1, 1);
			return !quarterStart.isAfter(to) && !quarterStart.plusMonths(3).minusDays(1).isBefore(from);
		}).toList();
	}

	@Transactional
	public Long visit(Long agreementId, LocalDate on, String visitors, String note) {
		Agreement agreement = get(agreementId);
		if (on == null) {
			throw new RuleViolationException("visitedOn", "welfare.required");
		}
		if (on.isAfter(today())) {
			throw new RuleViolationException("visitedOn", "welfare.date.future");
		}
		String who = Pairings.blankToNull(visitors);
		if (who == null) {
			throw new RuleViolationException("visitors", "welfare.required");
		}
		TextLimit.atMost("visitors", "visitors", who, 200);
		TextLimit.atMost("note", "note", note, 1000);
		Long id = jdbc.sql("insert into welfare_agreement_visit (agreement_id, visited_on, visitors, note) values (:a, :on, :who, :note)"
				+ " returning id").param("a", agreement.id()).param("on", on).param("who", who).param("note", Pairings.blankToNull(note))
			.query(Long.class).single();
		audit.record(AuditEntry.of("WELFARE_AGREEMENT_VISITED").entity("WelfareAgreement", agreement.id()).org(agreement.orgId())
			.summary(on + "，" + who + (Pairings.blankToNull(note) != null ? "：" + note.strip() : "")));
		return id;
	}

	/** Closes the agreement with its outcome. */
	@Transactional
	public void close(Long agreementId, String outcome) {
		Agreement agreement = get(agreementId);
		if (!"ACTIVE".equals(agreement.status())) {
			throw new RuleViolationException("outcome", "welfare.agreement.closed");
		}
		String text = Pairings.blankToNull(outcome);
		if (text == null) {
			throw new RuleViolationException("outcome", "welfare.required");
		}
		TextLimit.atMost("outcome", "outcome", text, 2000);
		jdbc.sql("update welfare_agreement set outcome = :o, status = 'CLOSED', ends_on = coalesce(ends_on, :today), version = version + 1"
				+ " where id = :id").param("o", text).param("today", today()).param("id", agreement.id()).update();
		audit.record(AuditEntry.of("WELFARE_AGREEMENT_CLOSED").entity("WelfareAgreement", agreement.id()).org(agreement.orgId())
			.summary(text));
	}

	private List<Agreement> named(List<Agreement> rows) {
		Map<Long, String> names = rows.isEmpty() ? Map.of() : parties.partyNamesByIdUnscoped(rows.stream().map(Agreement::partyId).toList());
		return rows.stream().map(a -> a.named(names.get(a.partyId()))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
