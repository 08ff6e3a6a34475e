package org.chamberlink.honour;

import java.time.LocalDate;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review by the federation at the nomination's level: accept with a rank, reject with a reason,
 * ask for more (the nominator then sends it), and the accepted put on public notice (公示). Each
 * step is audited.
 */
@Component
class NominationReview {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final HonourProgrammes programmes;

	private final NominationRows rows;

	private final NominationSteps steps;

	private final AuditTrail audit;

	NominationReview(JdbcClient jdbc, DataScopes scopes, HonourProgrammes programmes, NominationRows rows, NominationSteps steps,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.programmes = programmes;
		this.rows = rows;
		this.steps = steps;
		this.audit = audit;
	}

	void accept(Long id, Integer rank) {
		Nomination n = open(id, NominationStatus.SUBMITTED, NominationStatus.MORE_ASKED);
		if (rank != null && (rank < 1 || rank > 1_000_000)) {
			throw new RuleViolationException("rank", "honour.nomination.rankInvalid");
		}
		decide(n, NominationStatus.ACCEPTED, null, rank, "HONOUR_NOMINATION_ACCEPTED", n.nomineeName());
	}

	void reject(Long id, String reason) {
		Nomination n = open(id, NominationStatus.SUBMITTED, NominationStatus.MORE_ASKED, NominationStatus.ACCEPTED);
		String why = HonourInput.required(reason, 500, "reason");
		decide(n, NominationStatus.REJECTED, why, null, "HONOUR_NOMINATION_REJECTED", why);
	}

	void askForMore(Long id, String what) {
		Nomination n = open(id, NominationStatus.SUBMITTED);
		String why = HonourInput.required(what, 500, "reason");
		decide(n, NominationStatus.MORE_ASKED, why, null, "HONOUR_NOMINATION_MORE_ASKED", why);
	}

	/** The nominator sends what was asked for: the nomination is submitted again. */
	void resubmit(Long id, String evidence) {
		Nomination n = rows.nominating(id);
		if (n.status() != NominationStatus.MORE_ASKED) {
			throw new RuleViolationException("status", "honour.nomination.notAsked");
		}
		String more = HonourInput.required(evidence, 4000, "evidence");
		jdbc.sql("update honour_nomination set evidence = coalesce(evidence || E'\\n', '') || :more, status = 'SUBMITTED',"
				+ " status_reason = null, version = version + 1 where id = :id")
			.param("more", more)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("HONOUR_NOMINATION_RESUBMITTED").entity("Nomination", id).org(n.nominatorOrgId()).summary(more));
	}

	/**
	 * Puts the programme's accepted nominations the caller reviews at a level on public notice (公示)
	 * from today for the programme's notice days. Returns how many.
	 */
	int publishNotice(Long programmeId, HonourLevel level) {
		Programme programme = programmes.get(programmeId);
		DataScope scope = scopes.current();
		LocalDate today = steps.today();
		int count = jdbc.sql("update honour_nomination n set notice_from = :from, notice_until = :until, version = version + 1"
				+ " where n.programme_id = :p and n.level = :level and n.status = 'ACCEPTED' and n.notice_from is null and "
				+ scope.on("n.reviewer_org_path"))
			.param("from", today)
			.param("until", today.plusDays(programme.noticeDays()))
			.param("p", programmeId)
			.param("level", level == null ? "" : level.name())
			.params(scope.param())
			.update();
		if (count > 0) {
			audit.record(AuditEntry.of("HONOUR_NOTICE_PUBLISHED").entity("HonourProgramme", programmeId)
				.org(programme.orgId()).summary(programme.name() + " · " + count));
		}
		return count;
	}

	/** The nomination the caller reviews, its row locked, refused unless in one of the states. */
	private Nomination open(Long id, NominationStatus... states) {
		Nomination n = rows.reviewing(id);
		if (!java.util.List.of(states).contains(n.status())) {
			throw new RuleViolationException("status", "honour.nomination.notOpen");
		}
		return n;
	}

	private void decide(Nomination n, NominationStatus status, String reason, Integer rank, String action, String summary) {
		rows.status(n.id(), status, reason, rank);
		audit.record(AuditEntry.of(action).entity("Nomination", n.id()).org(n.reviewerOrgId()).summary(summary));
	}

}
