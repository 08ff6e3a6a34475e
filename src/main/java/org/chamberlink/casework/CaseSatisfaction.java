package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing the loop: the member rates a closed case (1 to 5 with a comment; 4 and 5 count as
 * satisfied), or staff record the rating from a phone follow-up; within 15 days of closing the
 * member may reopen the case once.
 */
@Service
public class CaseSatisfaction {

	public static final int SATISFIED_FROM = 4;

	static final Duration REOPEN_WITHIN = Duration.ofDays(15);

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final PartyEmails partyEmails;

	private final TimeLimits limits;

	private final WorkingCalendar calendar;

	private final CaseNotices notices;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseSatisfaction(JdbcClient jdbc, CaseRecords records, PartyEmails partyEmails, TimeLimits limits,
			WorkingCalendar calendar, CaseNotices notices, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.partyEmails = partyEmails;
		this.limits = limits;
		this.calendar = calendar;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The member rates their own closed case. Someone else's case is refused as not theirs. */
	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public void rate(AccountPrincipal member, Long id, Integer rating, String comment) {
		CaseRecords.Locked kase = records.lockOwn(id, partyOf(member));
		record(kase, rating, comment, "PORTAL");
	}

	/** Staff record the rating the member gave on the phone. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void followUp(Long id, Integer rating, String comment) {
		record(records.lockHandled(id), rating, comment, "PHONE");
	}

	/** The member reopens their own case, once, within 15 days of its closing. */
	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public void reopen(AccountPrincipal member, Long id, String reason) {
		CaseRecords.Locked kase = records.lockOwn(id, partyOf(member));
		if (kase.state() != CaseState.RESOLVED && kase.state() != CaseState.UNRESOLVED) {
			throw new RuleViolationException("state", "case.reopenOnlyClosed");
		}
		if (kase.reopenedAt() != null) {
			throw new RuleViolationException("state", "case.reopenedAlready");
		}
		if (kase.closedAt().plus(REOPEN_WITHIN).isBefore(clock.instant())) {
			throw new RuleViolationException("state", "case.reopenTooLate");
		}
		String why = CaseInput.text(reason, 2000, "reason", "case.reasonRequired");
		String path = jdbc.sql("select org_path from service_case where id = :id").param("id", id).query(String.class).single();
		jdbc.sql("""
				update service_case set state = 'IN_PROGRESS', closed_at = null, reopened_at = now(), rating = null,
				    rating_comment = null, rated_via = null, rated_at = null, mediation_result = null, outcome = null,
				    amount_recovered_fen = null, agreement_terms = null,
				    resolve_due_on = :due, version = version + 1
				where id = :id
				""")
			.param("due", calendar.addWorkingDays(LocalDate.now(clock), limits.of(path, kase.kind()).resolveDays()))
			.param("id", id)
			.update();
		Long step = records.step(id, CaseAction.REOPENED, kase.state(), CaseState.IN_PROGRESS, kase.orgId(), null, why);
		notices.stateChanged(id, step);
		audit.record(AuditEntry.of("CASE_REOPENED").entity("Case", id).org(kase.orgId()));
		events.publishEvent(new CaseReopened(id, kase.kind(), kase.category(), kase.orgId(), path, kase.partyId(),
				kase.state(), clock.instant()));
	}

	private void record(CaseRecords.Locked kase, Integer rating, String comment, String via) {
		if (kase.state().open()) {
			throw new RuleViolationException("state", "case.rateOnlyClosed");
		}
		if (kase.rating() != null) {
			throw new RuleViolationException("rating", "case.ratedAlready");
		}
		if (rating == null || rating < 1 || rating > 5) {
			throw new RuleViolationException("rating", "case.ratingRange");
		}
		String text = CaseInput.blankToNull(comment);
		if (text != null && text.length() > 500) {
			throw new RuleViolationException("comment", "case.ratingCommentTooLong");
		}
		java.time.Instant ratedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		jdbc.sql("""
				update service_case set rating = :rating, rating_comment = :comment, rated_via = :via, rated_at = :at,
				    version = version + 1
				where id = :id
				""").param("rating", rating).param("comment", text).param("via", via)
			.param("at", java.sql.Timestamp.from(ratedAt)).param("id", kase.id()).update();
		records.step(kase.id(), "PHONE".equals(via) ? CaseAction.FOLLOWED_UP : CaseAction.RATED, kase.state(),
				kase.state(), kase.orgId(), null, rating + "/5" + (text == null ? "" : "：" + text));
		events.publishEvent(new CaseRated(kase.id(), kase.orgId(), kase.orgPath(), kase.state(), rating,
				rating >= SATISFIED_FROM, ratedAt));
	}

	private Long partyOf(AccountPrincipal member) {
		return partyEmails.partyOf(member).orElseThrow(() -> new RecordNotFoundException("Party", member.id()));
	}

}
