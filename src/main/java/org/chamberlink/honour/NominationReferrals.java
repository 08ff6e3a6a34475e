package org.chamberlink.honour;

import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A reviewed nominee sent on: forwarded upward for the programme's next level (a new nomination by
 * the reviewer, within its quota), or recommended to a body outside the tree (劳动模范 to the trade
 * union …) whose decision is recorded when it comes.
 */
@Component
class NominationReferrals {

	private final JdbcClient jdbc;

	private final HonourProgrammes programmes;

	private final Organizations organizations;

	private final NominationRows rows;

	private final NominationSteps steps;

	private final AuditTrail audit;

	NominationReferrals(JdbcClient jdbc, HonourProgrammes programmes, Organizations organizations, NominationRows rows,
			NominationSteps steps, AuditTrail audit) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.organizations = organizations;
		this.rows = rows;
		this.steps = steps;
		this.audit = audit;
	}

	/** A new nomination by the reviewer for the next level, reviewed by the federation of that level. */
	Long forward(Long id) {
		Nomination n = rows.reviewing(id);
		Programme programme = programmes.get(n.programmeId());
		HonourLevel next = programme.levelAbove(n.level());
		if (next == null) {
			throw new RuleViolationException("level", "honour.nomination.noLevelAbove");
		}
		if (n.status() != NominationStatus.ACCEPTED && n.status() != NominationStatus.AWARDED) {
			throw new RuleViolationException("status", "honour.nomination.forwardOnlyAccepted");
		}
		OrganizationSummary nominator = organizations.get(n.reviewerOrgId());
		OrganizationSummary reviewer = steps.reviewer(programme, nominator, next);
		steps.lockQuota(programme, nominator.id(), next, 1, "membershipId");
		Long upward = steps.insert(programme, next, nominator, reviewer, Nominee.of(n), n.reasons(), n.evidence(), id,
				NominationStatus.SUBMITTED);
		if (n.status() == NominationStatus.ACCEPTED) {
			rows.status(id, NominationStatus.FORWARDED, null, n.rank());
		}
		audit.record(AuditEntry.of("HONOUR_NOMINATION_FORWARDED").entity("Nomination", upward).org(nominator.id())
			.summary(n.nomineeName() + " → " + next));
		return upward;
	}

	void recommend(Long id, String outsideBody) {
		Nomination n = rows.reviewing(id);
		if (n.status() != NominationStatus.ACCEPTED) {
			throw new RuleViolationException("status", "honour.nomination.recommendOnlyAccepted");
		}
		String body = HonourInput.required(outsideBody, 200, "outsideBody");
		jdbc.sql("insert into honour_recommendation (nomination_id, outside_body, recommended_on) values (:n, :body, :on)")
			.param("n", id)
			.param("body", body)
			.param("on", steps.today())
			.update();
		rows.status(id, NominationStatus.RECOMMENDED, null, n.rank());
		audit.record(AuditEntry.of("HONOUR_RECOMMENDED").entity("Nomination", id).org(n.reviewerOrgId()).summary(body));
	}

	/** The outside body's decision on a recommendation, when it comes. */
	void recordDecision(Long id, String decision, String note) {
		Nomination n = rows.reviewing(id);
		if (!"ACCEPTED".equals(decision) && !"DECLINED".equals(decision)) {
			throw new RuleViolationException("decision", "honour.recommendation.decisionRequired");
		}
		int updated = jdbc.sql("update honour_recommendation set decision = :d, decided_on = :on, decision_note = :note"
				+ " where nomination_id = :n and decision = 'PENDING'")
			.param("d", decision)
			.param("on", steps.today())
			.param("note", HonourInput.optional(note, 500, "decisionNote"))
			.param("n", id)
			.update();
		if (updated == 0) {
			throw new RuleViolationException("decision", "honour.recommendation.notPending");
		}
		audit.record(AuditEntry.of("HONOUR_RECOMMENDATION_DECIDED").entity("Nomination", id).org(n.reviewerOrgId()).summary(decision));
	}

	/** A recommendation of the nomination, if any: the outside body, when, and its decision. */
	Optional<Recommendation> recommendation(Long id) {
		rows.get(id);
		return jdbc.sql("select outside_body, recommended_on, decision, decided_on, decision_note from honour_recommendation"
				+ " where nomination_id = :n")
			.param("n", id)
			.query(Recommendation.class)
			.optional();
	}

}
