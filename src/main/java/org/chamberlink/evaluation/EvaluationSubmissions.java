package org.chamberlink.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.chamberlink.evaluation.EvaluationRules.optional;

/**
 * The organisation's own steps: it starts its evaluation in a campaign it takes part in, fills in
 * its own assessment and evidence and submits it to the level that reviews it (again after a
 * return). A refused step writes nothing.
 */
@Service
public class EvaluationSubmissions {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Campaigns campaigns;

	private final Evaluations evaluations;

	private final EvaluationRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	EvaluationSubmissions(JdbcClient jdbc, Organizations organizations, Campaigns campaigns, Evaluations evaluations,
			EvaluationRules rules, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.campaigns = campaigns;
		this.evaluations = evaluations;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

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
		boolean applies = campaign.forCountyFederations()
				? org.type() == OrganizationType.FEDERATION && "COUNTY".equals(org.level())
				: org.type() == OrganizationType.CHAMBER;
		if (!applies || org.path().equals(campaign.orgPath()) || !org.path().startsWith(campaign.orgPath())
				|| !"ACTIVE".equals(org.status())) {
			throw new RuleViolationException("campaign", "evaluation.notParticipant");
		}
		Optional<EvaluationView> existing = evaluations.find(campaignId, orgId);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		Long id = jdbc.sql("""
				insert into evaluation (campaign_id, org_id, org_path, org_name, level, status, created_at)
				values (:c, :o, :path, :name, :level, 'DRAFT', :now) on conflict (campaign_id, org_id) do nothing returning id
				""")
			.param("c", campaignId)
			.param("o", orgId)
			.param("path", org.path())
			.param("name", org.name())
			.param("level", campaign.firstLevel().name())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.orElseGet(() -> evaluations.find(campaignId, orgId).orElseThrow().id());
		audit.record(AuditEntry.of("EVALUATION_STARTED").entity("Evaluation", id).org(orgId).summary(campaign.title()));
		return id;
	}

	/** The organisation's own points and comment for a criterion, while it may still change them. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void selfScore(Long id, Long criterionId, Integer points, String comment) {
		EvaluationView evaluation = rules.ownEditable(id);
		Scheme.Criterion criterion = rules.criterion(evaluation, criterionId);
		EvaluationRules.checkPoints(criterion, points);
		rules.upsertScore(id, criterionId, "SELF", points, false, optional(comment, 500, "comment"));
	}

	/** The organisation's summary of its year's work. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void summarise(Long id, String summary) {
		rules.ownEditable(id);
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
		EvaluationView evaluation = rules.ownEditable(id);
		rules.criterion(evaluation, criterionId);
		boolean hasFile = content != null && content.length > 0;
		String url = link == null || link.isBlank() ? null : link.strip();
		if (!hasFile && url == null) {
			throw new RuleViolationException("file", "evaluation.evidence.required");
		}
		if (hasFile && content.length > Evaluations.MAX_FILE_BYTES) {
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
		EvaluationView evaluation = rules.ownEditable(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		// the first submission keeps the campaign's deadline; one returned for changes may come back after it
		if (evaluation.submittedAt() == null && campaign.submitBy() != null && evaluations.today().isAfter(campaign.submitBy())) {
			throw new RuleViolationException("status", "evaluation.submit.pastDeadline", campaign.submitBy().toString());
		}
		Scheme scheme = rules.scheme(evaluation);
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

}
