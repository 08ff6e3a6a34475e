package org.chamberlink.casework;

import java.time.Instant;
import java.time.LocalDate;

import org.chamberlink.shared.ChinaTime;

/** A case as pages and the API show it. Amounts in fen. */
public record CaseView(Long id, CaseKind kind, CaseCategory category, CaseState state, CaseChannel channel,
		Long orgId, String orgName, Long transferToOrgId, String transferToOrgName, int transfers, String title,
		String description, Long partyId, String partyName, Long visitId, String filedBy, Instant filedAt,
		LocalDate acceptDueOn, Instant acceptedAt, LocalDate resolveDueOn, Long handlerAccountId,
		String handlerName, Instant closedAt, String outcome, RespondentKind respondentKind, String respondentName,
		Long amountInvolvedFen, Long amountRecoveredFen, String counselName, Long amountInDisputeFen,
		String mediators, MediationResult mediationResult, String agreementTerms, String courtName,
		String courtCaseNumber, LocalDate reportedToCourtOn, Integer rating, String ratingComment, String ratedVia,
		Instant ratedAt, Instant reopenedAt, long version, Instant enteredAt) {

	/**
	 * The case's own columns; the organisations' and the member's names come from their modules,
	 * one batch per page ({@link CaseNames}), so they are null here. Ends with {@code from
	 * service_case c}: a statement adds its joins and conditions.
	 */
	static final String COLUMNS = """
			select c.id, c.kind, c.category, c.state, c.channel, c.org_id, null as org_name, c.transfer_to_org_id,
			       null as transfer_to_org_name, c.transfers, c.title, c.description, c.party_id, null as party_name,
			       c.visit_id, c.filed_by, c.filed_at, c.accept_due_on, c.accepted_at, c.resolve_due_on,
			       c.handler_account_id, c.handler_name, c.closed_at, c.outcome, c.respondent_kind, c.respondent_name,
			       c.amount_involved_fen, c.amount_recovered_fen, c.counsel_name, c.amount_in_dispute_fen, c.mediators,
			       c.mediation_result, c.agreement_terms, c.court_name, c.court_case_number, c.reported_to_court_on,
			       c.rating, c.rating_comment, c.rated_via, c.rated_at, c.reopened_at, c.version,
			       c.entered_at
			from service_case c
			""";

	/** The same case with its organisations' and member's names. */
	CaseView withNames(String orgName, String transferToOrgName, String partyName) {
		return new CaseView(id, kind, category, state, channel, orgId, orgName, transferToOrgId, transferToOrgName,
				transfers, title, description, partyId, partyName, visitId, filedBy, filedAt, acceptDueOn, acceptedAt,
				resolveDueOn, handlerAccountId, handlerName, closedAt, outcome, respondentKind, respondentName,
				amountInvolvedFen, amountRecoveredFen, counselName, amountInDisputeFen, mediators, mediationResult,
				agreementTerms, courtName, courtCaseNumber, reportedToCourtOn, rating, ratingComment, ratedVia, ratedAt,
				reopenedAt, version, enteredAt);
	}

	/** The case number people quote: kind, year filed, id (TS2026-000123). */
	public String number() {
		return kind.number(filedAt, id);
	}

	/** The date the current step is due: acceptance while submitted, resolution while underway. */
	public LocalDate dueOn() {
		return state == CaseState.SUBMITTED ? acceptDueOn : state.underway() ? resolveDueOn : null;
	}

	public boolean overdue(LocalDate today) {
		LocalDate due = dueOn();
		return due != null && due.isBefore(today);
	}

	/** When it was filed, in China's time, for pages. */
	public java.time.LocalDateTime filedAtLocal() {
		return ChinaTime.of(filedAt);
	}

	/** Entered after the fact (补录): received on an earlier day than it was typed in; {@link #enteredAt} says when. */
	public boolean backdated() {
		return enteredAt != null;
	}

	/** When a case entered after the fact was typed in, in China's time; null for one filed as it came. */
	public java.time.LocalDateTime enteredAtLocal() {
		return ChinaTime.of(enteredAt);
	}

	public java.time.LocalDateTime closedAtLocal() {
		return ChinaTime.of(closedAt);
	}

	/** Whether the member may still reopen it: closed with a result or without, within 15 days, not reopened before. */
	public boolean reopenable(Instant now) {
		return (state == CaseState.RESOLVED || state == CaseState.UNRESOLVED) && reopenedAt == null
				&& closedAt.plus(CaseSatisfaction.REOPEN_WITHIN).isAfter(now);
	}

	public boolean transferPending() {
		return transferToOrgId != null;
	}

	public boolean rated() {
		return rating != null;
	}

	public boolean closed() {
		return !state.open();
	}

}
