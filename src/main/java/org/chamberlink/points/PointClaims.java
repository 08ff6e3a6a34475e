package org.chamberlink.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual claims: an organisation claims the points of a manual rule that scores it, for something
 * it did, with evidence attached; an officer of a federation above it (never of the organisation
 * itself) approves it — the points enter the ledger — or rejects it with a reason. Every step is
 * audited; a claim outside the caller's scope is not found.
 */
@Service
public class PointClaims {

	public static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

	/** The evidence file as uploaded. */
	public record Evidence(String fileName, String contentType, byte[] content) {

		public boolean present() {
			return content != null && content.length > 0 && fileName != null && !fileName.isBlank();
		}

	}

	/** What is claimed: the organisation (the caller's own when empty), the rule, what happened and when. */
	public record ClaimForm(Long orgId, Long ruleId, String description, LocalDate happenedOn) {

		public static ClaimForm empty() {
			return new ClaimForm(null, null, null, null);
		}

	}

	private static final String SELECT = """
			select c.id, c.rule_id, r.name as rule_name, r.points as rule_points, c.org_id, null as org_name, c.description,
			       c.happened_on, c.evidence_name, c.status, c.submitted_by, c.submitted_at, c.decided_by, c.decided_at,
			       c.decision_reason, c.org_path, c.org_level
			from point_claim c join point_rule r on r.id = c.rule_id
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final PointRules rules;

	private final PointWriter writer;

	private final AuditTrail audit;

	private final Clock clock;

	PointClaims(JdbcClient jdbc, DataScopes scopes, Organizations organizations, PointRules rules, PointWriter writer,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.rules = rules;
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
	}

	/** The claims of the caller's subtree (pending first, then newest). */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public List<PointClaim> list() {
		DataScope scope = scopes.current();
		return named(jdbc.sql(SELECT + " where " + scope.on("c.org_path")
				+ " order by (c.status = 'PENDING') desc, c.id desc limit 500")
			.params(scope.param())
			.query((rs, n) -> map(rs))
			.list());
	}

	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public PointClaim get(Long id) {
		DataScope scope = scopes.current();
		return named(List.of(jdbc.sql(SELECT + " where c.id = :id and " + scope.on("c.org_path"))
			.param("id", id)
			.params(scope.param())
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("PointClaim", id)))).get(0);
	}

	/** The claim's evidence: file name, content type, bytes. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public Evidence evidence(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql("select c.evidence_name, c.evidence_type, c.evidence from point_claim c where c.id = :id and "
				+ scope.on("c.org_path"))
			.param("id", id)
			.params(scope.param())
			.query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("PointClaim", id));
	}

	/** The manual rules that score the organisation (what it may claim). */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public List<PointRule> claimable(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		return rules.scoring(PointAction.MANUAL, org.path(), PointLevel.of(org));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long submit(ClaimForm form, Evidence evidence) {
		Long orgId = form.orgId() != null ? form.orgId() : PointActor.current().map(AccountPrincipal::orgId).orElse(null);
		if (orgId == null) {
			throw new RuleViolationException("orgId", "points.claim.orgRequired");
		}
		OrganizationSummary org = organizations.get(orgId);
		if (form.ruleId() == null) {
			throw new RuleViolationException("ruleId", "points.claim.ruleRequired");
		}
		PointRule rule = rules.scoring(PointAction.MANUAL, org.path(), PointLevel.of(org)).stream()
			.filter(r -> r.id().equals(form.ruleId()))
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("ruleId", "points.claim.ruleNotClaimable"));
		String description = form.description() == null ? "" : form.description().strip();
		if (description.isEmpty()) {
			throw new RuleViolationException("description", "points.claim.descriptionRequired");
		}
		if (description.length() > 1000) {
			throw new RuleViolationException("description", "points.claim.descriptionTooLong");
		}
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (form.happenedOn() == null) {
			throw new RuleViolationException("happenedOn", "points.claim.happenedOnRequired");
		}
		if (form.happenedOn().isAfter(today) || form.happenedOn().getYear() < ChinaTime.FIRST_YEAR) {
			throw new RuleViolationException("happenedOn", "points.claim.happenedOnRange");
		}
		if (evidence == null || !evidence.present()) {
			throw new RuleViolationException("evidence", "points.claim.evidenceRequired");
		}
		if (evidence.content().length > MAX_EVIDENCE_BYTES) {
			throw new RuleViolationException("evidence", "points.claim.evidenceTooLarge");
		}
		String name = evidence.fileName().length() > 200 ? evidence.fileName().substring(0, 200) : evidence.fileName();
		Long id = jdbc.sql("""
				insert into point_claim (rule_id, org_id, org_path, org_level, description, happened_on, evidence_name,
				    evidence_type, evidence, submitted_by)
				values (:rule, :org, :path, :level, :description, :happenedOn, :name, :type, :content, :by)
				returning id
				""")
			.param("rule", rule.id())
			.param("org", org.id())
			.param("path", org.path())
			.param("level", PointLevel.of(org).name())
			.param("description", description)
			.param("happenedOn", form.happenedOn())
			.param("name", name)
			.param("type", evidence.contentType() == null || evidence.contentType().isBlank() ? "application/octet-stream"
					: evidence.contentType())
			.param("content", evidence.content())
			.param("by", PointActor.name())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("POINT_CLAIM_SUBMITTED").entity("PointClaim", id).org(org.id()).summary(rule.name()));
		return id;
	}

	/** Approves a pending claim: its rule's points (within the yearly cap) enter the ledger. */
	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public int approve(Long id) {
		Locked claim = decide(id);
		jdbc.sql("update point_claim set status = 'APPROVED', decided_by = :by, decided_at = :at, version = version + 1 where id = :id")
			.param("by", PointActor.name())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		PointRule rule = jdbc.sql(PointRules.SELECT + " where r.id = :id").param("id", claim.ruleId())
			.query((rs, n) -> PointRules.map(rs)).single();
		int written = writer.award(rule, List.of(new PointWriter.Source(claim.orgId(), claim.orgPath(), claim.level(), id, "",
				PointListeners.startOf(claim.happenedOn()))), false);
		audit.record(AuditEntry.of("POINT_CLAIM_APPROVED").entity("PointClaim", id).org(claim.orgId()).summary(rule.name()));
		return written;
	}

	/** Rejects a pending claim with a reason. */
	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public void reject(Long id, String reason) {
		String why = reason == null ? "" : reason.strip();
		Locked claim = decide(id);
		if (why.isEmpty()) {
			throw new RuleViolationException("reason", "points.claim.reasonRequired");
		}
		if (why.length() > 500) {
			throw new RuleViolationException("reason", "points.claim.reasonTooLong");
		}
		jdbc.sql("""
				update point_claim set status = 'REJECTED', decided_by = :by, decided_at = :at, decision_reason = :reason,
				    version = version + 1 where id = :id
				""")
			.param("by", PointActor.name())
			.param("at", Timestamp.from(clock.instant()))
			.param("reason", why)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("POINT_CLAIM_REJECTED").entity("PointClaim", id).org(claim.orgId()).summary(why));
	}

	private record Locked(Long id, Long ruleId, Long orgId, String orgPath, PointLevel level, LocalDate happenedOn,
			String status) {
	}

	/** The pending claim, locked, for a decision by an officer above the claiming organisation. */
	private Locked decide(Long id) {
		Locked claim = lock(id);
		Long mine = PointActor.current().map(AccountPrincipal::orgId).orElse(null);
		if (claim.orgId().equals(mine)) {
			throw new RuleViolationException("status", "points.claim.decideAbove");
		}
		if (!"PENDING".equals(claim.status())) {
			throw new RuleViolationException("status", "points.claim.decidedAlready");
		}
		return claim;
	}

	private Locked lock(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql("select c.id, c.rule_id, c.org_id, c.org_path, c.org_level, c.happened_on, c.status from point_claim c"
				+ " where c.id = :id and " + scope.on("c.org_path") + " for update")
			.param("id", id)
			.params(scope.param())
			.query((rs, n) -> new Locked(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					PointLevel.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(), rs.getString(7)))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("PointClaim", id));
	}

	private List<PointClaim> named(List<PointClaim> claims) {
		Map<Long, String> names = organizations.namesUnscoped(claims.stream().map(PointClaim::orgId).toList());
		return claims.stream()
			.map(c -> new PointClaim(c.id(), c.ruleId(), c.ruleName(), c.rulePoints(), c.orgId(), names.getOrDefault(c.orgId(), ""),
					c.description(), c.happenedOn(), c.evidenceName(), c.status(), c.submittedBy(), c.submittedAt(), c.decidedBy(),
					c.decidedAt(), c.decisionReason()))
			.toList();
	}

	private static PointClaim map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new PointClaim(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"), rs.getInt("rule_points"),
				rs.getLong("org_id"), null, rs.getString("description"), rs.getDate("happened_on").toLocalDate(),
				rs.getString("evidence_name"), rs.getString("status"), rs.getString("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
				rs.getString("decision_reason"));
	}

}
