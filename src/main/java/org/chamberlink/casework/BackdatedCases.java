package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.shared.CalendarDates;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases entered after the fact (补录) from a paper ledger (decision 32). The day received is the
 * case's filing time (the start of that day in China) and a closed case's closing day its closing
 * time, so the figures of a period, the average days to resolve included, count it on its real
 * days; the entry's own time is kept apart ({@code entered_at}). Its trail is written on those days,
 * it is audited as {@link AuditAction#BACKDATED}, and the member is not told: the news is old.
 */
@Component
class BackdatedCases {

	/** A past case as checked: its days, how it ended (null: still open), the outcome, the amount recovered. */
	record BackdatedCase(LocalDate receivedOn, LocalDate closedOn, CaseState result, String outcome,
			Long recoveredFen) {
	}

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BackdatedCases(JdbcClient jdbc, CaseRecords records, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The past case's days and closing, refused on its field: a day received is required, lies
	 * between 1900 and today and not before the organisation was founded (when that is known); a
	 * closed case names its closing day (not before the day received), how it ended and the outcome.
	 */
	BackdatedCase check(PastCase past, CaseKind kind, LocalDate founded) {
		LocalDate today = LocalDate.now(clock);
		LocalDate received = date(past.receivedOn(), "past.receivedOn", "case.past.receivedOn");
		if (received == null) {
			throw new RuleViolationException("past.receivedOn", "case.past.receivedOnRequired");
		}
		CalendarDates.requireNotFuture("past.receivedOn", "case.past.receivedOn", received, today);
		CalendarDates.requireNotBefore("past.receivedOn", "case.past.receivedOn", received, founded,
				"input.beforeFounded");
		if (!past.closing()) {
			return new BackdatedCase(received, null, null, null, null);
		}
		LocalDate closed = date(past.closedOn(), "past.closedOn", "case.past.closedOn");
		if (closed == null) {
			throw new RuleViolationException("past.closedOn", "case.past.closedOnRequired");
		}
		CalendarDates.requireNotFuture("past.closedOn", "case.past.closedOn", closed, today);
		if (closed.isBefore(received)) {
			throw new RuleViolationException("past.closedOn", "case.past.closedBeforeReceived");
		}
		if (past.result() == null || past.result().open()) {
			throw new RuleViolationException("past.result", "case.past.resultRequired");
		}
		String outcome = CaseInput.text(past.outcome(), 5000, "past.outcome", "case.outcomeRequired");
		Long recovered = kind == CaseKind.COMPLAINT && past.result() == CaseState.RESOLVED
				? CaseInput.amount(past.amountRecovered(), "past.amountRecovered", "case.amountRecovered") : null;
		return new BackdatedCase(received, closed, past.result(), outcome, recovered);
	}

	/**
	 * The case just inserted on its day received: held by its organisation, its trail (filed, and
	 * closed on the closing day), a closed one's outcome, audited as entered after the fact.
	 */
	void enter(Long id, Long orgId, CaseKind kind, String comment, BackdatedCase past) {
		records.hold(id, orgId, true);
		records.step(id, CaseAction.FILED, null, CaseState.SUBMITTED, orgId, null, comment,
				FiledCases.startOf(past.receivedOn()));
		if (past.result() != null) {
			jdbc.sql("""
					update service_case set state = :state, closed_at = :closedAt, outcome = :outcome,
					    amount_recovered_fen = :recovered,
					    mediation_result = case when kind = 'MEDIATION' and :state = 'RESOLVED' then 'AGREEMENT'
					                            when kind = 'MEDIATION' and :state = 'UNRESOLVED' then 'FAILED' end,
					    agreement_terms = case when kind = 'MEDIATION' and :state = 'RESOLVED' then :outcome end,
					    version = version + 1
					where id = :id
					""")
				.param("state", past.result().name())
				.param("closedAt", FiledCases.startOf(past.closedOn()))
				.param("outcome", past.outcome())
				.param("recovered", past.recoveredFen())
				.param("id", id)
				.update();
			records.step(id, CaseAction.valueOf(past.result().name()), CaseState.SUBMITTED, past.result(), orgId, null,
					past.outcome(), FiledCases.startOf(past.closedOn()));
		}
		AuditEntry entry = AuditEntry.of(AuditAction.BACKDATED).entity("Case", id).org(orgId);
		audit.record(past.result() == null ? entry.summary("audit.summary.backdatedCase", past.receivedOn().toString())
				: entry.summary("audit.summary.backdatedClosedCase", past.receivedOn().toString(),
						past.closedOn().toString(), new DefaultMessageSourceResolvable("caseState." + past.result())));
		if (past.result() == CaseState.RESOLVED) {
			Locked kase = locked(id);
			events.publishEvent(new CaseResolved(id, kind, kase.category(), orgId, kase.orgPath(), kase.partyId(),
					past.recoveredFen(), FiledCases.startOf(past.closedOn()).toInstant()));
		}
	}

	private record Locked(CaseCategory category, String orgPath, Long partyId) {
	}

	private Locked locked(Long id) {
		return jdbc.sql("select category, org_path, party_id from service_case where id = :id")
			.param("id", id)
			.query(Locked.class)
			.single();
	}

	/** A day as typed; blank is none; one that is no day (or none the system can mean) is refused on its field. */
	private static LocalDate date(String typed, String field, String label) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException e) {
			date = null;
		}
		if (date == null) {
			throw new RuleViolationException(field, "input.dateRange", new DefaultMessageSourceResolvable(label),
					CalendarDates.EARLIEST, CalendarDates.LATEST);
		}
		CalendarDates.requirePlausible(field, label, date);
		return date;
	}

}
