package org.chamberlink.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognitions: the lists per level and year, an organisation's own, the objections raised during
 * the public notice and their answers (recorded by the recognising level), and withdrawal with a
 * reason. A recognition becomes final by itself when its notice ends with every objection answered.
 */
@Service
public class Recognitions {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Evaluations evaluations;

	private final EvaluationRules rules;

	private final org.chamberlink.organization.Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Recognitions(JdbcClient jdbc, DataScopes scopes, Evaluations evaluations, EvaluationRules rules,
			org.chamberlink.organization.Organizations organizations, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.evaluations = evaluations;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	@Transactional(readOnly = true)
	public Recognition get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(Recognition.COLUMNS + " where r.id = :id and " + scope.on("r.org_path"))
			.params(scope.param())
			.param("id", id)
			.param("today", today())
			.query(Recognition.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Recognition", id));
	}

	/** The recognitions of a year in the caller's scope, optionally of one level, by level and name. */
	@Transactional(readOnly = true)
	public List<Recognition> list(int year, EvaluationLevel level) {
		DataScope scope = scopes.current();
		return jdbc.sql(Recognition.COLUMNS + " where r.year = :year and (cast(:level as varchar) is null or r.level = :level) and "
				+ scope.on("r.org_path") + """
				 order by array_position(array['NATIONAL', 'PROVINCE', 'CITY', 'COUNTY']::varchar[], r.level), s.name, e.org_name
				""")
			.params(scope.param())
			.param("year", year)
			.param("level", level == null ? null : level.name())
			.param("today", today())
			.query(Recognition.class)
			.list();
	}

	/** An organisation's recognitions, newest first (its page shows them). */
	@Transactional(readOnly = true)
	public List<Recognition> ofOrganization(Long orgId) {
		organizations.get(orgId);
		DataScope scope = scopes.current();
		return jdbc.sql(Recognition.COLUMNS + " where r.org_id = :org and " + scope.on("r.org_path")
				+ " order by r.year desc, r.created_at desc")
			.params(scope.param())
			.param("org", orgId)
			.param("today", today())
			.query(Recognition.class)
			.list();
	}

	/** The recognitions of one evaluation, by level. */
	@Transactional(readOnly = true)
	public List<Recognition> ofEvaluation(Long evaluationId) {
		evaluations.get(evaluationId);
		return jdbc.sql(Recognition.COLUMNS + " where r.evaluation_id = :e order by r.created_at")
			.param("e", evaluationId)
			.param("today", today())
			.query(Recognition.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Objection> objections(Long recognitionId) {
		get(recognitionId);
		return jdbc.sql("""
				select id, recognition_id, raised_by, text, recorded_at, answer, answered_at
				from evaluation_objection where recognition_id = :r order by id
				""").param("r", recognitionId).query(Objection.class).list();
	}

	/** Records an objection received during the public notice. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long object(Long recognitionId, String raisedBy, String text) {
		Recognition recognition = recognising(recognitionId);
		if (!recognition.inNotice()) {
			throw new RuleViolationException("text", "evaluation.objection.noticeOver");
		}
		String who = required(raisedBy, 100, "raisedBy", "evaluation.objection.raisedByRequired");
		String what = required(text, 1000, "text", "evaluation.objection.textRequired");
		Long id = jdbc.sql("""
				insert into evaluation_objection (recognition_id, raised_by, text, recorded_by, recorded_at)
				values (:r, :who, :what, :by, :now) returning id
				""")
			.param("r", recognitionId)
			.param("who", who)
			.param("what", what)
			.param("by", EvaluationActor.accountId())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("EVALUATION_OBJECTION_RECORDED").entity("Recognition", recognitionId)
			.org(recognition.orgId()).summary(who + "：" + what));
		return id;
	}

	/** Answers an objection. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void answer(Long recognitionId, Long objectionId, String answer) {
		Recognition recognition = recognising(recognitionId);
		String text = required(answer, 1000, "answer", "evaluation.objection.answerRequired");
		int changed = jdbc.sql("""
				update evaluation_objection set answer = :a, answered_by = :by, answered_at = :now
				where id = :id and recognition_id = :r and answered_at is null
				""")
			.param("a", text)
			.param("by", EvaluationActor.accountId())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", objectionId)
			.param("r", recognitionId)
			.update();
		if (changed == 0) {
			throw new RuleViolationException("answer", "evaluation.objection.notOpen");
		}
		audit.record(AuditEntry.of("EVALUATION_OBJECTION_ANSWERED").entity("Recognition", recognitionId)
			.org(recognition.orgId()).summary(text));
	}

	/** Withdraws a recognition with the reason; the recognising level or one above it may. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void withdraw(Long recognitionId, String reason) {
		Recognition recognition = get(recognitionId);
		EvaluationLevel mine = rules.reviewerLevel();
		EvaluationLevel acting = recognition.level() == EvaluationLevel.NATIONAL ? EvaluationLevel.PROVINCE : recognition.level();
		if (mine == null || mine.ordinal() < acting.ordinal()) {
			throw new RuleViolationException("reason", "evaluation.withdraw.notAllowed");
		}
		if (recognition.withdrawn()) {
			throw new RuleViolationException("reason", "evaluation.withdraw.already");
		}
		String why = required(reason, 500, "reason", "evaluation.withdraw.reasonRequired");
		jdbc.sql("update evaluation_recognition set withdrawn_at = :now, withdrawn_reason = :why where id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("why", why)
			.param("id", recognitionId)
			.update();
		events.publishEvent(new RecognitionWithdrawn(recognitionId, recognition.orgId(), recognition.level(), why));
		audit.record(AuditEntry.of("EVALUATION_RECOGNITION_WITHDRAWN").entity("Recognition", recognitionId)
			.org(recognition.orgId()).summary("audit.summary.recognitionWithdrawn." + recognition.level(), recognition.orgName(), why));
	}

	/** A recognition not withdrawn, as {@link RecognitionGranted} names it. */
	public record StandingRecognition(Long recognitionId, Long orgId, String orgPath, EvaluationLevel level, LocalDate grantedOn) {
	}

	/**
	 * The recognitions granted from … to (their notice's first day) in an organisation's subtree and not
	 * withdrawn, in one query: for a module that counts them afresh (the points ledger's back-fill).
	 * Not found outside the caller's scope.
	 */
	@Transactional(readOnly = true)
	public List<StandingRecognition> standing(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select r.id as recognition_id, r.org_id, r.org_path, r.level, r.notice_from as granted_on"
				+ " from evaluation_recognition r where " + subtree.on("r.org_path")
				+ " and r.notice_from between :from and :to and r.withdrawn_at is null order by r.id")
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(StandingRecognition.class)
			.list();
	}

	private Recognition recognising(Long recognitionId) {
		Recognition recognition = get(recognitionId);
		jdbc.sql("select id from evaluation_recognition where id = :id for update").param("id", recognitionId).query(Long.class).single();
		EvaluationLevel mine = rules.reviewerLevel();
		EvaluationLevel acting = recognition.level() == EvaluationLevel.NATIONAL ? EvaluationLevel.PROVINCE : recognition.level();
		if (mine != acting) {
			throw new RuleViolationException("text", "evaluation.objection.notRecognisingLevel");
		}
		return recognition;
	}

	private static String required(String value, int max, String field, String key) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new RuleViolationException(field, key);
		}
		if (text.length() > max) {
			throw new RuleViolationException(field, "evaluation.tooLong", max);
		}
		return text;
	}

	/** Counts of recognitions (not withdrawn) in a subtree for a year by scheme and level. */
	public record Tally(String schemeName, EvaluationLevel level, long inNotice, long recognised) {
	}

	@Transactional(readOnly = true)
	public List<Tally> tally(String path, int year) {
		DataScope scope = scopes.current();
		DataScope subtree = DataScope.subtree(path);
		return jdbc.sql("""
				select s.name as scheme_name, r.level,
				       count(*) filter (where r.notice_until >= :today) as in_notice,
				       count(*) filter (where r.notice_until < :today) as recognised
				from evaluation_recognition r join evaluation_scheme s on s.id = r.scheme_id
				where r.year = :year and r.withdrawn_at is null and %s and %s
				group by s.name, s.id, r.level order by s.id, array_position(array['COUNTY', 'CITY', 'PROVINCE', 'NATIONAL']::varchar[], r.level)
				""".formatted(scope.on("r.org_path"), subtree.on("r.org_path")))
			.params(scope.param())
			.params(subtree.param())
			.param("year", year)
			.param("today", today())
			.query(Tally.class)
			.list();
	}

}
