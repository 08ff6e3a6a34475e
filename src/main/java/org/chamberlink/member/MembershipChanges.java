package org.chamberlink.member;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Changes to a membership: its role and tier (a tier other than the role's needs a reason), or
 * the member leaving with a date and reason. Each change is audited with before and after.
 */
@Service
public class MembershipChanges {

	private final Members members;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	MembershipChanges(Members members, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.members = members;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public void change(Long membershipId, MembershipChange change) {
		MembershipView before = members.membership(membershipId);
		if (change.leftOn() != null) {
			leave(before, change);
			return;
		}
		if (change.role() == null) {
			throw new RuleViolationException("role", "member.roleRequired");
		}
		Tier tier = change.tier() != null ? change.tier() : change.role().defaultTier();
		if (tier != change.role().defaultTier() && !StringUtils.hasText(change.tierReason())) {
			throw new RuleViolationException("tierReason", "member.tierReasonRequired");
		}
		org.chamberlink.shared.TextLimit.atMost("tierReason", "member.tierReason", change.tierReason(), 200);
		int updated = jdbc.sql("""
				update membership set role = :role, tier = :tier, tier_reason = :reason, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", membershipId)
			.param("version", change.version() == null ? before.version() : change.version())
			.param("role", change.role().name())
			.param("tier", tier.name())
			.param("reason", tier == change.role().defaultTier() ? null : change.tierReason().trim())
			.update();
		if (updated == 0) {
			throw new RuleViolationException("role", "member.staleVersion");
		}
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("role", before.role().name());
		was.put("tier", before.tier().name());
		was.put("tierReason", before.tierReason());
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("role", change.role().name());
		now.put("tier", tier.name());
		now.put("tierReason", tier == change.role().defaultTier() ? null : change.tierReason().trim());
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Party", before.partyId())
			.org(before.orgId())
			.summary("audit.summary.membership", membershipId, before.orgName())
			.changes(Change.between(was, now)));
	}

	private void leave(MembershipView before, MembershipChange change) {
		if (before.leftOn() != null) {
			throw new RuleViolationException("leftOn", "member.alreadyLeft");
		}
		if (change.leftOn().isBefore(before.joinedOn())) {
			throw new RuleViolationException("leftOn", "member.leftBeforeJoined");
		}
		if (!StringUtils.hasText(change.leaveReason())) {
			throw new RuleViolationException("leaveReason", "member.leaveReasonRequired");
		}
		org.chamberlink.shared.TextLimit.atMost("leaveReason", "member.leaveReason", change.leaveReason(), 200);
		String orgPath = jdbc.sql("""
				update membership set left_on = :on, leave_reason = :reason, version = version + 1 where id = :id
				returning org_path
				""")
			.param("id", before.id())
			.param("on", change.leftOn())
			.param("reason", change.leaveReason().trim())
			.query(String.class)
			.single();
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("leftOn", change.leftOn().toString());
		now.put("leaveReason", change.leaveReason().trim());
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Party", before.partyId())
			.org(before.orgId())
			.summary("audit.summary.membership", before.id(), before.orgName())
			.changes(Change.between(Map.of(), now)));
		events.publishEvent(new MembershipEnded(before.id(), before.partyId(), before.orgId(), orgPath, change.leftOn()));
	}

}
