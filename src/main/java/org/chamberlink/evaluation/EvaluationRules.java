package org.chamberlink.evaluation;

import java.sql.Timestamp;
import java.time.Clock;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules every step of an evaluation keeps: who may change it (the organisation itself while it
 * is editable, the reviewers of its level while it is under review), which criteria and points are
 * valid, and how a score is written. Each check refuses before anything is written.
 */
@Component
class EvaluationRules {

	private final JdbcClient jdbc;

	private final Evaluations evaluations;

	private final Campaigns campaigns;

	private final Schemes schemes;

	private final Organizations organizations;

	private final Clock clock;

	EvaluationRules(JdbcClient jdbc, Evaluations evaluations, Campaigns campaigns, Schemes schemes, Organizations organizations,
			Clock clock) {
		this.jdbc = jdbc;
		this.evaluations = evaluations;
		this.campaigns = campaigns;
		this.schemes = schemes;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** The caller's own organisation's evaluation, locked, while the organisation may still change it. */
	EvaluationView ownEditable(Long id) {
		EvaluationView evaluation = locked(id);
		if (!evaluation.orgId().equals(EvaluationActor.orgId())) {
			throw new RuleViolationException("status", "evaluation.ownOnly");
		}
		if (!evaluation.status().editable()) {
			throw new RuleViolationException("status", "evaluation.notEditable");
		}
		return evaluation;
	}

	/** An evaluation under review at the caller's level, locked. */
	EvaluationView reviewable(Long id) {
		EvaluationView evaluation = locked(id);
		requireReviewer(evaluation);
		if (!evaluation.underReview()) {
			throw new RuleViolationException("status", "evaluation.notUnderReview");
		}
		return evaluation;
	}

	/** The caller reviews at the evaluation's level: a federation of that level above it (the province records national). */
	void requireReviewer(EvaluationView evaluation) {
		EvaluationLevel mine = reviewerLevel();
		if (mine == null || evaluation.orgId().equals(EvaluationActor.orgId())) {
			throw new RuleViolationException("status", "evaluation.notReviewer");
		}
		EvaluationLevel acting = evaluation.level() == EvaluationLevel.NATIONAL ? EvaluationLevel.PROVINCE : evaluation.level();
		if (mine.ordinal() > acting.ordinal()) {
			throw new RuleViolationException("level", "evaluation.skipLevel", evaluation.level());
		}
		if (mine != acting) {
			throw new RuleViolationException("level", "evaluation.notYourLevel", evaluation.level());
		}
	}

	/** The level the caller's organisation reviews at, or null (a chamber, or an installation-wide account). */
	EvaluationLevel reviewerLevel() {
		Long orgId = EvaluationActor.orgId();
		if (orgId == null) {
			return null;
		}
		OrganizationSummary org = organizations.get(orgId);
		return org.type() == OrganizationType.FEDERATION ? EvaluationLevel.of(org.level()) : null;
	}

	private EvaluationView locked(Long id) {
		EvaluationView evaluation = evaluations.get(id);
		jdbc.sql("select id from evaluation where id = :id for update").param("id", id).query(Long.class).single();
		return evaluations.get(evaluation.id());
	}

	Scheme scheme(EvaluationView evaluation) {
		return schemes.get(campaigns.get(evaluation.campaignId()).schemeId());
	}

	Scheme.Criterion criterion(EvaluationView evaluation, Long criterionId) {
		Scheme.Criterion criterion = criterionId == null ? null : scheme(evaluation).criterion(criterionId);
		if (criterion == null) {
			throw new RuleViolationException("criterionId", "evaluation.criterionUnknown");
		}
		return criterion;
	}

	static void checkPoints(Scheme.Criterion criterion, Integer points) {
		if (points == null) {
			throw new RuleViolationException("points", "evaluation.score.pointsRequired");
		}
		if (points < 0) {
			throw new RuleViolationException("points", "evaluation.score.negative");
		}
		if (points > criterion.maxPoints()) {
			throw new RuleViolationException("points", "evaluation.score.aboveMax", criterion.title(), criterion.maxPoints());
		}
	}

	/** Writes (or rewrites) the points and comment of a criterion at a level ({@code SELF} or a review level). */
	void upsertScore(Long id, Long criterionId, String level, int points, boolean vetoFailed, String comment) {
		jdbc.sql("""
				insert into evaluation_score (evaluation_id, criterion_id, level, points, veto_failed, comment, scored_by, scored_at)
				values (:e, :c, :level, :points, :veto, :comment, :by, :now)
				on conflict (evaluation_id, criterion_id, level) do update set points = excluded.points,
				    veto_failed = excluded.veto_failed, comment = excluded.comment, scored_by = excluded.scored_by,
				    scored_at = excluded.scored_at
				""")
			.param("e", id)
			.param("c", criterionId)
			.param("level", level)
			.param("points", points)
			.param("veto", vetoFailed)
			.param("comment", comment)
			.param("by", EvaluationActor.accountId())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** A text that may be left out, stripped; refused when longer than {@code max}. */
	static String optional(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new RuleViolationException(field, "evaluation.tooLong", max);
		}
		return text;
	}

}
