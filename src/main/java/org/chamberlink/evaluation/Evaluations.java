package org.chamberlink.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's evaluation and its review chain: the organisation fills in its own assessment
 * and evidence and submits; the reviewers of the level it stands at (the county first) score each
 * criterion with a comment, return it with a reason, or pass it — a recognition at their level in
 * public notice — and may recommend it to the level above, which reviews it the same way. A level
 * passes only what the level below recognised finally; no level acts for another. Every review step
 * is audited; a refused step writes nothing.
 */
@Service
public class Evaluations {

	/** The largest evidence file. */
	public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Campaigns campaigns;

	private final Schemes schemes;

	private final EvaluationIndicators indicators;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Evaluations(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Campaigns campaigns, Schemes schemes,
			EvaluationIndicators indicators, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.campaigns = campaigns;
		this.schemes = schemes;
		this.indicators = indicators;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	// ---- reading ----

	@Transactional(readOnly = true)
	public EvaluationView get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(EvaluationView.COLUMNS + " where e.id = :id and " + scope.on("e.org_path"))
			.params(scope.param())
			.param("id", id)
			.query(EvaluationView.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Evaluation", id));
	}

	/** The organisation's evaluation in the campaign, if it started one (in the caller's scope). */
	@Transactional(readOnly = true)
	public Optional<EvaluationView> find(Long campaignId, Long orgId) {
		DataScope scope = scopes.current();
		return jdbc.sql(EvaluationView.COLUMNS + " where e.campaign_id = :c and e.org_id = :o and " + scope.on("e.org_path"))
			.params(scope.param())
			.param("c", campaignId)
			.param("o", orgId)
			.query(EvaluationView.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<Score> scores(Long id) {
		get(id);
		return jdbc.sql("select criterion_id, level, points, veto_failed, comment from evaluation_score where evaluation_id = :id")
			.param("id", id)
			.query(Score.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Evidence> evidence(Long id) {
		get(id);
		return jdbc.sql("""
				select id, criterion_id, file_name, content_type, size_bytes, link, note, uploaded_at
				from evaluation_evidence where evaluation_id = :id order by id
				""").param("id", id).query(Evidence.class).list();
	}

	public record EvidenceFile(String fileName, String contentType, byte[] content) {
	}

	@Transactional(readOnly = true)
	public EvidenceFile evidenceFile(Long id, Long evidenceId) {
		get(id);
		return jdbc.sql("""
				select file_name, content_type, content from evaluation_evidence
				where id = :e and evaluation_id = :id and content is not null
				""")
			.param("e", evidenceId)
			.param("id", id)
			.query(EvidenceFile.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Evidence", evidenceId));
	}

	/** Total points at a level ({@code SELF} or a review level). */
	public static int total(List<Score> scores, String level) {
		return scores.stream().filter(s -> s.level().equals(level)).mapToInt(Score::points).sum();
	}

	/** The indicators of the evaluation's criteria, measured as of today. */
	@Transactional(readOnly = true)
	public Map<Indicator, IndicatorValue> indicators(Long id) {
		EvaluationView evaluation = get(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		return indicators.measure(evaluation.orgId(), campaign.year(), today(), wanted(schemes.get(campaign.schemeId())));
	}

	/** The indicators a scheme's criteria ask the system to measure. */
	static java.util.Set<Indicator> wanted(Scheme scheme) {
		java.util.Set<Indicator> wanted = java.util.EnumSet.noneOf(Indicator.class);
		scheme.criteria().stream().map(Scheme.Criterion::indicator).filter(java.util.Objects::nonNull).forEach(wanted::add);
		return wanted;
	}

	/** A campaign's pre-fill: the measured indicators of every organisation on the caller's progress board. */
	public record Prefill(List<Indicator> indicators, List<PrefillRow> rows) {
	}

	/** One organisation of the pre-fill, with where its evaluation stands. */
	public record PrefillRow(BoardRow board, Map<Indicator, IndicatorValue> values) {
	}

	/**
	 * What a level sees before its organisations type anything: every indicator of the scheme for
	 * every organisation on its progress board (a city: all its chambers), as of today, read
	 * set-based ({@link EvaluationIndicators#measureAll}) — each value as the organisation's own
	 * evaluation page shows it.
	 */
	@Transactional(readOnly = true)
	public Prefill prefill(Long campaignId) {
		Campaign campaign = campaigns.get(campaignId);
		java.util.Set<Indicator> wanted = wanted(schemes.get(campaign.schemeId()));
		List<BoardRow> board = board(campaignId);
		Map<Long, Map<Indicator, IndicatorValue>> measured = indicators.measureAll(board.stream().map(BoardRow::orgId).toList(),
				campaign.year(), today(), wanted);
		List<PrefillRow> rows = board.stream()
			.filter(row -> measured.containsKey(row.orgId()))
			.map(row -> new PrefillRow(row, measured.get(row.orgId())))
			.toList();
		return new Prefill(List.copyOf(wanted), rows);
	}

	/** A row of a campaign's progress board. */
	public record BoardRow(Long orgId, String orgName, Long evaluationId, EvaluationLevel level, EvaluationStatus status) {
	}

	/**
	 * The campaign's progress board for the caller: every organisation the scheme applies to within
	 * the campaign's subtree and the caller's scope, with where its evaluation stands.
	 */
	@Transactional(readOnly = true)
	public List<BoardRow> board(Long campaignId) {
		Campaign campaign = campaigns.get(campaignId);
		DataScope scope = scopes.current();
		Long within = scope.covers(campaign.orgPath()) ? campaign.orgId() : EvaluationActor.orgId();
		if (within == null) {
			return List.of();
		}
		List<OrganizationSummary> orgs = participants(campaign, within);
		Map<Long, EvaluationView> evaluations = new HashMap<>();
		jdbc.sql(EvaluationView.COLUMNS + " where e.campaign_id = :c and " + scope.on("e.org_path"))
			.params(scope.param())
			.param("c", campaignId)
			.query(EvaluationView.class)
			.list()
			.forEach(e -> evaluations.put(e.orgId(), e));
		List<BoardRow> rows = new ArrayList<>();
		for (OrganizationSummary org : orgs) {
			EvaluationView e = evaluations.get(org.id());
			rows.add(e == null ? new BoardRow(org.id(), org.name(), null, null, EvaluationStatus.NOT_STARTED)
					: new BoardRow(org.id(), org.name(), e.id(), e.level(), e.status()));
		}
		return rows;
	}

	private List<OrganizationSummary> participants(Campaign campaign, Long within) {
		if ("COUNTY_FEDERATION".equals(campaign.appliesTo())) {
			return organizations.activeOfType(within, OrganizationType.FEDERATION, "COUNTY");
		}
		return organizations.activeOfType(within, OrganizationType.CHAMBER, null);
	}

	// ---- the organisation's own steps ----

	/** Starts (or finds) the caller's own organisation's evaluation in a campaign it takes part in. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long start(Long campaignId) {
		Campaign campaign = campaigns.get(campaignId);
		Long orgId = EvaluationActor.orgId();
		if (orgId == null) {
			throw new RuleViolationException("campaign", "evaluation.notParticipant");
		}
		OrganizationSummary org = organizations.get(orgId);
		boolean applies = "COUNTY_FEDERATION".equals(campaign.appliesTo())
				? org.type() == OrganizationType.FEDERATION && "COUNTY".equals(org.level())
				: org.type() == OrganizationType.CHAMBER;
		if (!applies || org.path().equals(campaign.orgPath()) || !org.path().startsWith(campaign.orgPath())
				|| !"ACTIVE".equals(org.status())) {
			throw new RuleViolationException("campaign", "evaluation.notParticipant");
		}
		Optional<EvaluationView> existing = find(campaignId, orgId);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		EvaluationLevel first = "COUNTY_FEDERATION".equals(campaign.appliesTo()) ? EvaluationLevel.CITY : EvaluationLevel.COUNTY;
		Long id = jdbc.sql("""
				insert into evaluation (campaign_id, org_id, org_path, org_name, level, status, created_at)
				values (:c, :o, :path, :name, :level, 'DRAFT', :now) on conflict (campaign_id, org_id) do nothing returning id
				""")
			.param("c", campaignId)
			.param("o", orgId)
			.param("path", org.path())
			.param("name", org.name())
			.param("level", first.name())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.orElseGet(() -> find(campaignId, orgId).orElseThrow().id());
		audit.record(AuditEntry.of("EVALUATION_STARTED").entity("Evaluation", id).org(orgId).summary(campaign.title()));
		return id;
	}

	/** The organisation's own points and comment for a criterion, while it may still change them. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void selfScore(Long id, Long criterionId, Integer points, String comment) {
		EvaluationView evaluation = ownEditable(id);
		Scheme.Criterion criterion = criterion(evaluation, criterionId);
		checkPoints(criterion, points);
		upsertScore(id, criterionId, "SELF", points, false, optional(comment, 500, "comment"));
	}

	/** The organisation's summary of its year's work. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void summarise(Long id, String summary) {
		ownEditable(id);
		String text = optional(summary, 5000, "selfSummary");
		jdbc.sql("update evaluation set self_summary = :s, version = version + 1 where id = :id")
			.param("s", text)
			.param("id", id)
			.update();
	}

	/** Adds a file or a link as evidence for a criterion. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addEvidence(Long id, Long criterionId, String fileName, String contentType, byte[] content, String link, String note) {
		EvaluationView evaluation = ownEditable(id);
		criterion(evaluation, criterionId);
		boolean hasFile = content != null && content.length > 0;
		String url = link == null || link.isBlank() ? null : link.strip();
		if (!hasFile && url == null) {
			throw new RuleViolationException("file", "evaluation.evidence.required");
		}
		if (hasFile && content.length > MAX_FILE_BYTES) {
			throw new RuleViolationException("file", "evaluation.evidence.tooLarge");
		}
		if (url != null && (url.length() > 500 || !url.matches("(?i)https?://\\S+"))) {
			throw new RuleViolationException("link", "evaluation.evidence.linkInvalid");
		}
		String name = hasFile ? (fileName == null || fileName.isBlank() ? "evidence" : fileName.strip()) : null;
		if (name != null && name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		Long evidenceId = jdbc.sql("""
				insert into evaluation_evidence (evaluation_id, criterion_id, file_name, content_type, size_bytes, content, link, note,
				    uploaded_by, uploaded_at)
				values (:e, :c, :name, :type, :size, :content, :link, :note, :by, :now) returning id
				""")
			.param("e", id)
			.param("c", criterionId)
			.param("name", name)
			.param("type", hasFile ? (contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType) : null)
			.param("size", hasFile ? content.length : null)
			.param("content", hasFile ? content : null)
			.param("link", url)
			.param("note", optional(note, 300, "note"))
			.param("by", EvaluationActor.accountId())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("EVALUATION_EVIDENCE_ADDED").entity("Evaluation", id).org(evaluation.orgId())
			.summary(name != null ? name : url));
		return evidenceId;
	}

	/**
	 * Submits the evaluation to the level that reviews it: every criterion needing an attachment has
	 * one, and a first submission comes by the campaign's deadline.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void submit(Long id) {
		EvaluationView evaluation = ownEditable(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		// the first submission keeps the campaign's deadline; one returned for changes may come back after it
		if (evaluation.submittedAt() == null && campaign.submitBy() != null && today().isAfter(campaign.submitBy())) {
			throw new RuleViolationException("status", "evaluation.submit.pastDeadline", campaign.submitBy().toString());
		}
		Scheme scheme = scheme(evaluation);
		List<Long> withEvidence = jdbc.sql("select distinct criterion_id from evaluation_evidence where evaluation_id = :id")
			.param("id", id)
			.query(Long.class)
			.list();
		for (Scheme.Criterion criterion : scheme.criteria()) {
			if (criterion.evidence() == EvidenceKind.ATTACHMENT && !withEvidence.contains(criterion.id())) {
				throw new RuleViolationException("evidence", "evaluation.submit.evidenceMissing", criterion.title());
			}
		}
		jdbc.sql("""
				update evaluation set status = 'SUBMITTED', return_reason = null, submitted_at = :now, version = version + 1
				where id = :id
				""").param("now", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record(AuditEntry.of("EVALUATION_SUBMITTED").entity("Evaluation", id).org(evaluation.orgId())
			.summary(evaluation.orgName()));
	}

	// ---- the reviewers' steps ----

	/** A reviewer's points and comment for a criterion (a veto criterion: met or not). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void score(Long id, Long criterionId, Integer points, boolean vetoFailed, String comment) {
		EvaluationView evaluation = reviewable(id);
		Scheme.Criterion criterion = criterion(evaluation, criterionId);
		checkPoints(criterion, points);
		if (vetoFailed && !criterion.veto()) {
			throw new RuleViolationException("vetoFailed", "evaluation.score.notVeto");
		}
		String text = optional(comment, 500, "comment");
		upsertScore(id, criterionId, evaluation.level().name(), points, vetoFailed, text);
		audit.record(AuditEntry.of("EVALUATION_SCORED").entity("Evaluation", id).org(evaluation.orgId())
			.summary(vetoFailed ? "audit.summary.evaluationScoredVeto" : "audit.summary.evaluationScored", criterion.title(), points,
					criterion.maxPoints(), text == null ? "" : text));
	}

	/** Returns the evaluation to the organisation for changes, with the reason. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void returnForChanges(Long id, String reason) {
		EvaluationView evaluation = reviewable(id);
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
		EvaluationView evaluation = reviewable(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		Scheme scheme = schemes.get(campaign.schemeId());
		EvaluationLevel level = evaluation.level();
		Integer passMark = scheme.passMark(level);
		if (passMark == null) {
			throw new RuleViolationException("level", "evaluation.pass.levelNotInScheme");
		}
		List<Score> scores = scores(id);
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
		Map<Indicator, IndicatorValue> measured = indicators(id);
		for (Scheme.Criterion criterion : scheme.criteria()) {
			if (criterion.veto() && criterion.indicator() != null && measured.get(criterion.indicator()) != null
					&& Boolean.FALSE.equals(measured.get(criterion.indicator()).met())) {
				throw new RuleViolationException("score", "evaluation.pass.vetoed", criterion.title());
			}
		}
		int total = total(scores, level.name());
		if (total < passMark) {
			throw new RuleViolationException("score", "evaluation.pass.belowMark", total, passMark);
		}
		EvaluationLevel below = level.below();
		EvaluationLevel first = "COUNTY_FEDERATION".equals(campaign.appliesTo()) ? EvaluationLevel.CITY : EvaluationLevel.COUNTY;
		if (level != first && below != null) {
			boolean finalBelow = jdbc.sql("""
					select count(*) from evaluation_recognition r where r.evaluation_id = :id and r.level = :below
					and r.withdrawn_at is null and r.notice_until < :today
					and not exists (select 1 from evaluation_objection o where o.recognition_id = r.id and o.answered_at is null)
					""")
				.param("id", id)
				.param("below", below.name())
				.param("today", today())
				.query(Long.class)
				.single() > 0;
			if (!finalBelow) {
				throw new RuleViolationException("level", "evaluation.pass.belowNotFinal");
			}
		}
		LocalDate today = today();
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

	/** Recommends a passed evaluation to the level above, which reviews it next. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recommend(Long id) {
		EvaluationView evaluation = get(id);
		requireReviewer(evaluation);
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

	// ---- rules ----

	private EvaluationView ownEditable(Long id) {
		EvaluationView evaluation = locked(id);
		if (!evaluation.orgId().equals(EvaluationActor.orgId())) {
			throw new RuleViolationException("status", "evaluation.ownOnly");
		}
		if (!evaluation.status().editable()) {
			throw new RuleViolationException("status", "evaluation.notEditable");
		}
		return evaluation;
	}

	private EvaluationView reviewable(Long id) {
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
		EvaluationView evaluation = get(id);
		jdbc.sql("select id from evaluation where id = :id for update").param("id", id).query(Long.class).single();
		return get(evaluation.id());
	}

	private Scheme scheme(EvaluationView evaluation) {
		return schemes.get(campaigns.get(evaluation.campaignId()).schemeId());
	}

	private Scheme.Criterion criterion(EvaluationView evaluation, Long criterionId) {
		Scheme.Criterion criterion = criterionId == null ? null : scheme(evaluation).criterion(criterionId);
		if (criterion == null) {
			throw new RuleViolationException("criterionId", "evaluation.criterionUnknown");
		}
		return criterion;
	}

	private static void checkPoints(Scheme.Criterion criterion, Integer points) {
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

	private void upsertScore(Long id, Long criterionId, String level, int points, boolean vetoFailed, String comment) {
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
