package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A mediation's two sides, its sessions, and the result reported back to the court that referred it. */
@Service
public class MediationRecords {

	public record Side(Long id, String side, String name, Long partyId, String contact) {
	}

	public record Session(Long id, LocalDate heldOn, String place, String mediators, String notes, String recordedBy,
			Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final Cases cases;

	private final Clock clock;

	MediationRecords(JdbcClient jdbc, CaseRecords records, Cases cases, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.cases = cases;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Side> sides(Long caseId) {
		cases.get(caseId);
		return jdbc.sql("select id, side, name, party_id, contact from mediation_party where case_id = :id order by side, id")
			.param("id", caseId)
			.query(Side.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Session> sessions(Long caseId) {
		cases.get(caseId);
		return jdbc.sql("""
				select id, held_on, place, mediators, notes, recorded_by, recorded_at
				from mediation_session where case_id = :id order by held_on, id
				""").param("id", caseId).query(Session.class).list();
	}

	/** Records a session of an accepted mediation (the first one starts the work). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void session(Long caseId, LocalDate heldOn, String place, String mediators, String notes) {
		CaseRecords.Locked kase = records.lockHandled(caseId);
		if (kase.kind() != CaseKind.MEDIATION) {
			throw new RuleViolationException("kind", "mediation.only");
		}
		CaseWorkflow.expect(kase, kase.state().underway(), "mediation.sessionOnlyAccepted");
		if (heldOn == null || heldOn.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("heldOn", "mediation.heldOn.invalid");
		}
		String who = CaseInput.text(mediators, 300, "mediators", "mediation.mediatorsRequired");
		String what = CaseInput.text(notes, 5000, "notes", "mediation.notesRequired");
		jdbc.sql("""
				insert into mediation_session (case_id, held_on, place, mediators, notes, recorded_by)
				values (:case, :heldOn, :place, :mediators, :notes, :by)
				""")
			.param("case", caseId)
			.param("heldOn", heldOn)
			.param("place", CaseInput.optional(place, 200, "place", "mediation.place"))
			.param("mediators", who)
			.param("notes", what)
			.param("by", CaseRecords.actor())
			.update();
		jdbc.sql("update service_case set mediators = coalesce(mediators, :mediators) where id = :id")
			.param("mediators", who).param("id", caseId).update();
		if (kase.state() == CaseState.ACCEPTED) {
			records.changeState(caseId, CaseState.IN_PROGRESS);
		}
		records.step(caseId, CaseAction.SESSION, kase.state(), CaseState.IN_PROGRESS, kase.orgId(), null,
				heldOn + " " + who);
	}

	/** For a mediation a court referred: the date its result was reported back to the court. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void reportedToCourt(Long caseId, LocalDate on) {
		CaseRecords.Locked kase = records.lockHandled(caseId);
		Boolean referred = jdbc.sql("select court_name is not null from service_case where id = :id").param("id", caseId)
			.query(Boolean.class).single();
		if (kase.kind() != CaseKind.MEDIATION || !referred) {
			throw new RuleViolationException("kind", "mediation.notFromCourt");
		}
		CaseWorkflow.expect(kase, !kase.state().open(), "mediation.reportOnlyClosed");
		if (on == null || on.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("reportedOn", "mediation.reportedOn");
		}
		jdbc.sql("update service_case set reported_to_court_on = :on where id = :id").param("on", on).param("id", caseId)
			.update();
		records.step(caseId, CaseAction.REPORTED_TO_COURT, kase.state(), kase.state(), kase.orgId(), null, on.toString());
	}

}
