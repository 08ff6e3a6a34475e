package org.chamberlink.activity;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's quorum rule for its governance meetings, as its statute sets it; the default where none is set. */
@Service
public class ActivityRules {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final AuditTrail audit;

	ActivityRules(JdbcClient jdbc, Organizations organizations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public QuorumRule of(Long orgId) {
		return jdbc.sql("""
				select quorum_numerator, quorum_denominator, pass_numerator, pass_denominator from activity_rule where org_id = :org
				""").param("org", orgId).query(QuorumRule.class).optional().orElse(QuorumRule.DEFAULT);
	}

	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public void set(Long orgId, QuorumRule rule) {
		organizations.get(orgId);
		if (rule == null || !rule.quorumValid()) {
			throw new RuleViolationException("quorumNumerator", "activity.rule.invalid");
		}
		if (!rule.passValid()) {
			throw new RuleViolationException("passNumerator", "activity.rule.invalid");
		}
		jdbc.sql("""
				insert into activity_rule (org_id, quorum_numerator, quorum_denominator, pass_numerator, pass_denominator)
				values (:org, :qn, :qd, :pn, :pd)
				on conflict (org_id) do update set quorum_numerator = excluded.quorum_numerator,
				    quorum_denominator = excluded.quorum_denominator, pass_numerator = excluded.pass_numerator,
				    pass_denominator = excluded.pass_denominator
				""")
			.param("org", orgId).param("qn", rule.quorumNumerator()).param("qd", rule.quorumDenominator())
			.param("pn", rule.passNumerator()).param("pd", rule.passDenominator())
			.update();
		audit.record(AuditEntry.of("ACTIVITY_RULE_SET").entity("Organization", orgId).org(orgId)
			.summary(rule.quorumNumerator() + "/" + rule.quorumDenominator() + ", " + rule.passNumerator() + "/" + rule.passDenominator()));
	}

}
