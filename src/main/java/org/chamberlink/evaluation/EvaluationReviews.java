package org.chamberlink.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review chain: the reviewers of the level an evaluation stands at (the county first) score
 * each criterion with a comment, return it with a reason, or pass it — a recognition at their level
 * in public notice — and may recommend it to the level above, which reviews it the same way. A
 * level passes only what the level below recognised finally; no level acts for another. Every
 * review step is audited; a refused step writes nothing.
 */
@Service
public class EvaluationReviews {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Schemes schemes;

	private final Evaluations evaluations;

	private final EvaluationRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EvaluationReviews(JdbcClient jdbc, Campaigns campaigns, Schemes schemes, Evaluations evaluations, EvaluationRules rules,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.schemes = schemes;
		this.evaluations = evaluations;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** A reviewer's points and comment for a criterion (a veto criterion: met or not). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void score(Long id, Long criterionId, Integer points, boolean vetoFailed, String comment) {
		EvaluationView evaluation = rules.reviewable(id);
		Scheme.Criterion criterion = rules.criterion(evaluation, criterionId);
		EvaluationRules.checkPoints(criterion, points);
		if (vetoFailed && !criterion.veto()) {
			throw new RuleViolationException("vetoFailed", "evaluation.score.notVeto");
		}
		String text = EvaluationRules.optional(comment, 500, "comment");
		rules.upsertScore(id, criterionId, evaluation.level().name(), points, vetoFailed, text);
		audit.record(AuditEntry.of("EVALUATION_SCORED").entity("Evaluation", id).org(evaluation.orgId())
			.summary(vetoFailed ? "audit.summary.evaluationScoredVeto" : "audit.summary.evaluationScored", criterion.title(), points,
					criterion.maxPoints(), text == null ? "" : text));
	}

	/** Returns the evaluation to the organisation for changes, with the reason. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void returnForChanges(Long id, String reason) {
		EvaluationView evaluation = rules.reviewable(id);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new RuleViolationException("reason", "evaluation.return.reasonRequired");
		}
		if (why.length() > 500) {
			throw new RuleViolationException("reason", "evaluation.return.reasonTooLong");
		}
		jdbc.sql("update evaluation set status = 'RETURNED', return_reason = :why, version = version + 1 where id = :id")
			.param("why", why)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("EVALUATION_RETURNED").entity("Evaluation", id).org(evaluation.orgId()).summary(why));
	}

	/**
	 * Passes the evaluation at the reviewer's level: every criterion scored, no veto failed (a
	 * measured veto, such as registration, counts as it stands), the pass mark reached, and the
	 * level below's recognition final. The recognition starts its public notice today.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long pass(Long id) {
		EvaluationView evaluation = rules.reviewable(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		Scheme scheme = schemes.get(campaign.schemeId());
		EvaluationLevel level = evaluation.level();
		Integer passMark = scheme.passMark(level);
		if (passMark == null) {
			throw new RuleViolationException("level", "evaluation.pass.levelNotInScheme");
		}
		List<Score> scores = evaluations.scores(id);
		requireScoredWithoutVeto(scheme, scores, level);
		requireMeasuredVetoesMet(scheme, evaluations.indicators(id));
		int total = Evaluations.total(scores, level.name());
		if (total < passMark) {
			throw new RuleViolationException("score", "evaluation.pass.belowMark", total, passMark);
		}
		EvaluationLevel below = level.below();
		if (level != campaign.firstLevel() && below != null) {
			requireFinalBelow(id, below);
		}
		LocalDate today = evaluations.today();
		Long recognitionId = jdbc.sql("""
				insert into evaluation_recognition (evaluation_id, campaign_id, scheme_id, year, org_id, org_path, level, score,
				    recognised_by, notice_from, notice_until, created_at)
				values (:e, :c, :s, :year, :org, :path, :level, :score, :by, :from, :until, :now) returning id
				""")
			.param("e", id)
			.param("c", campaign.id())
			.param("s", scheme.id())
			.param("year", campaign.year())
			.param("org", evaluation.orgId())
			.param("path", evaluation.orgPath())
			.param("level", level.name())
			.param("score", total)
			.param("by", EvaluationActor.accountId())
			.param("from", today)
			.param("until", today.plusDays(campaign.noticeDays()))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		jdbc.sql("update evaluation set status = 'PASSED', version = version + 1 where id = :id").param("id", id).update();
		events.publishEvent(new RecognitionGranted(recognitionId, id, scheme.id(), campaign.year(), evaluation.orgId(),
				evaluation.orgPath(), level, total, today, today.plusDays(campaign.noticeDays())));
		audit.record(AuditEntry.of("EVALUATION_PASSED").entity("Evaluation", id).org(evaluation.orgId())
			.summary("audit.summary.evaluationPassed." + level, evaluation.orgName(), total, scheme.maxPoints()));
		return recognitionId;
	}

	/** Every criterion scored at the level, and no veto criterion failed there. */
	private static void requireScoredWithoutVeto(Scheme scheme, List<Score> scores, EvaluationLevel level) {
		for (Scheme.Criterion criterion : scheme.criteria()) {
			Optional<Score> score = scores.stream()
				.filter(s -> s.level().equals(level.name()) && s.criterionId().equals(criterion.id()))
				.findFirst();
			if (score.isEmpty()) {
				throw new RuleViolationException("score", "evaluation.pass.unscored", criterion.title());
			}
			if (criterion.veto() && score.get().vetoFailed()) {
				throw new RuleViolationException("score", "evaluation.pass.vetoed", criterion.title());
			}
		}
	}

	/** A veto criterion the system measures (such as registration) counts as it stands. */
	private static void requireMeasuredVetoesMet(Scheme scheme, Map<Indicator, IndicatorValue> measured) {
		for (Scheme.Criterion criterion : scheme.criteria()) {
			if (criterion.veto() && criterion.indicator() != null && measured.get(criterion.indicator()) != null
					&& Boolean.FALSE.equals(measured.get(criterion.indicator()).met())) {
				throw new RuleViolationException("score", "evaluation.pass.vetoed", criterion.title());
			}
		}
	}

	/** The level below recognised the evaluation, its notice is over and no objection stands open. */
	private void requireFinalBelow(Long id, EvaluationLevel below) {
		boolean finalBelow = jdbc.sql("""
				select count(*) from evaluation_recognition r where r.evaluation_id = :id and r.level = :below
				and r.withdrawn_at is null and r.notice_until < :today
				and not exists (select 1 from evaluation_objection o where o.recognition_id = r.id and o.answered_at is null)
				""")
			.param("id", id)
			.param("below", below.name())
			.param("today", evaluations.today())
			.query(Long.class)
			.single() > 0;
		if (!finalBelow) {
			throw new RuleViolationException("level", "evaluation.pass.belowNotFinal");
		}
	}

	/** Recommends a passed evaluation to the level above, which reviews it next. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recommend(Long id) {
		EvaluationView evaluation = evaluations.get(id);
		rules.requireReviewer(evaluation);
		if (evaluation.status() != EvaluationStatus.PASSED) {
			throw new RuleViolationException("status", "evaluation.recommend.notPassed");
		}
		Campaign campaign = campaigns.get(evaluation.campaignId());
		Scheme scheme = schemes.get(campaign.schemeId());
		EvaluationLevel next = evaluation.level().next();
		if (next == null || scheme.passMark(next) == null) {
			throw new RuleViolationException("level", "evaluation.recommend.noLevelAbove");
		}
		jdbc.sql("update evaluation set status = 'RECOMMENDED', level = :next, version = version + 1 where id = :id")
			.param("next", next.name())
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("EVALUATION_RECOMMENDED").entity("Evaluation", id).org(evaluation.orgId())
			.summary("audit.summary.evaluationRecommended." + next, evaluation.orgName()));
	}

}
