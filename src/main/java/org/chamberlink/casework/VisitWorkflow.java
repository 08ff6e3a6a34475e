package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.CalendarDates;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A visit's course: planned for a quarter, then completed with the date, the findings and any
 * needs raised (filed as needs linked to the visit, {@link VisitCompleted} published), or
 * cancelled. Reading visits is {@link Visits}'.
 */
@Service
public class VisitWorkflow {

	/** A need raised during a visit. */
	public record RaisedNeed(CaseCategory category, String title, String description) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final CaseFiling filing;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final Visits visits;

	VisitWorkflow(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, CaseFiling filing,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock, Visits visits) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.filing = filing;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.visits = visits;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long plan(Long orgId, Long partyId, Integer year, Integer quarter, String visitors, String purpose) {
		if (orgId == null) {
			throw new RuleViolationException("orgId", "case.orgRequired");
		}
		OrganizationSummary org = organizations.get(orgId);
		if (partyId == null) {
			throw new RuleViolationException("partyId", "visit.memberRequired");
		}
		members.get(partyId);
		if (!ChinaTime.isPlannableYear(year)) {
			throw new RuleViolationException("year", "visit.year");
		}
		if (quarter == null || quarter < 1 || quarter > 4) {
			throw new RuleViolationException("quarter", "visit.quarter.invalid");
		}
		String who = CaseInput.text(visitors, 200, "visitors", "visit.visitorsRequired");
		Long id = jdbc.sql("""
				insert into visit (org_id, org_path, party_id, plan_year, plan_quarter, state, visitors, purpose, created_by)
				values (:org, :path, :party, :year, :quarter, 'PLANNED', :visitors, :purpose, :by) returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("party", partyId)
			.param("year", year)
			.param("quarter", quarter)
			.param("visitors", who)
			.param("purpose", CaseInput.optional(purpose, 300, "purpose", "visit.purpose"))
			.param("by", CaseRecords.actor())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("VISIT_PLANNED").entity("Visit", id).org(org.id()));
		return id;
	}

	/**
	 * Enters a visit made before, from a paper ledger (补录, decision 32): completed on its real day,
	 * in that day's quarter (so the quarter's completion counts it), with the entry's own time kept
	 * apart and audited as {@link AuditAction#BACKDATED}. The day lies between 1900 and today and not
	 * before the organisation was founded, when that is known.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long enterPast(Long orgId, Long partyId, LocalDate visitedOn, String visitors, String purpose,
			String findings) {
		if (orgId == null) {
			throw new RuleViolationException("orgId", "case.orgRequired");
		}
		OrganizationSummary org = organizations.get(orgId);
		if (partyId == null) {
			throw new RuleViolationException("partyId", "visit.memberRequired");
		}
		members.get(partyId);
		if (visitedOn == null) {
			throw new RuleViolationException("visitedOn", "visit.visitedOn.invalid");
		}
		CalendarDates.requirePlausible("visitedOn", "visit.visitedOn", visitedOn);
		CalendarDates.requireNotFuture("visitedOn", "visit.visitedOn", visitedOn, LocalDate.now(clock));
		CalendarDates.requireNotBefore("visitedOn", "visit.visitedOn", visitedOn,
				organizations.details(org.id()).foundedOn(), "input.beforeFounded");
		String who = CaseInput.text(visitors, 200, "visitors", "visit.visitorsRequired");
		String why = CaseInput.optional(purpose, 300, "purpose", "visit.purpose");
		String found = CaseInput.text(findings, 5000, "findings", "visit.findingsRequired");
		String actor = CaseRecords.actor();
		Long id = jdbc.sql("""
				insert into visit (org_id, org_path, party_id, plan_year, plan_quarter, state, visitors, purpose, visited_on,
				                   findings, created_by, completed_by, completed_at, entered_at)
				values (:org, :path, :party, :year, :quarter, 'COMPLETED', :visitors, :purpose, :on, :findings, :by, :by,
				        :at, :at)
				returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("party", partyId)
			.param("year", visitedOn.getYear())
			.param("quarter", (visitedOn.getMonthValue() - 1) / 3 + 1)
			.param("visitors", who)
			.param("purpose", why)
			.param("on", visitedOn)
			.param("findings", found)
			.param("by", actor)
			.param("at", java.time.OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(AuditAction.BACKDATED).entity("Visit", id).org(org.id())
			.summary("audit.summary.backdatedVisit", visitedOn.toString()));
		events.publishEvent(new VisitCompleted(id, org.id(), org.path(), partyId, visitedOn, 0));
		return id;
	}

	/** Completes a planned visit; the needs raised during it are filed as needs of the visited member. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void complete(Long id, LocalDate visitedOn, String findings, List<RaisedNeed> needs) {
		DataScope scope = scopes.current();
		VisitView visit = jdbc.sql(VisitView.COLUMNS + " where v.id = :id and " + scope.on("v.org_path") + " for update of v")
			.param("id", id)
			.params(scope.param())
			.query(VisitView.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Visit", id));
		if (!"PLANNED".equals(visit.state())) {
			throw new RuleViolationException("state", "visit.completeOnlyPlanned");
		}
		if (visitedOn == null || visitedOn.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("visitedOn", "visit.visitedOn.invalid");
		}
		org.chamberlink.shared.CalendarDates.requirePlausible("visitedOn", "visit.visitedOn", visitedOn);
		String found = CaseInput.text(findings, 5000, "findings", "visit.findingsRequired");
		jdbc.sql("""
				update visit set state = 'COMPLETED', visited_on = :on, findings = :findings, completed_by = :by,
				    completed_at = now(), version = version + 1
				where id = :id
				""").param("on", visitedOn).param("findings", found).param("by", CaseRecords.actor()).param("id", id).update();
		int raised = 0;
		for (RaisedNeed need : needs == null ? List.<RaisedNeed>of() : needs) {
			if (need == null || need.title() == null || need.title().isBlank()) {
				continue;
			}
			filing.file(CaseForm.fromVisit(need.category(), visit.orgId(), visit.partyId(), need.title(),
					need.description() == null || need.description().isBlank() ? found : need.description(), id));
			raised++;
		}
		audit.record(AuditEntry.of("VISIT_COMPLETED").entity("Visit", id).org(visit.orgId()));
		String orgPath = jdbc.sql("select org_path from visit where id = :id").param("id", id).query(String.class).single();
		events.publishEvent(new VisitCompleted(id, visit.orgId(), orgPath, visit.partyId(), visitedOn, raised));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void cancel(Long id, String reason) {
		String why = CaseInput.text(reason, 300, "reason", "case.reasonRequired");
		DataScope scope = scopes.current();
		int changed = jdbc.sql("""
				update visit set state = 'CANCELLED', findings = :reason, version = version + 1
				where id = :id and %s and state = 'PLANNED'
				""".formatted(scope.on("org_path"))).param("reason", why).param("id", id).params(scope.param()).update();
		if (changed == 0) {
			visits.get(id);
			throw new RuleViolationException("state", "visit.completeOnlyPlanned");
		}
		audit.record(AuditEntry.of("VISIT_CANCELLED").entity("Visit", id));
	}


}
