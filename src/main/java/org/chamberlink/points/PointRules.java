package org.chamberlink.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The point rules: a federation sets its own (from a preset or from scratch) for the organisations
 * of its subtree; it may switch one off, never change what it already awarded. Readers see the rules
 * of their subtree and of the federations above them (the rules they are scored by).
 */
@Service
public class PointRules {

	static final String SELECT = "select r.id, r.organiser_id, r.organiser_path, r.name, r.category, r.action, r.points,"
			+ " r.yearly_cap, r.applies_to, r.active, r.created_at, r.version from point_rule r";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final AuditTrail audit;

	PointRules(JdbcClient jdbc, DataScopes scopes, Organizations organizations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** The rules set within the caller's subtree, and those above that score it. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public List<PointRule> visible() {
		DataScope scope = scopes.current();
		String root = scope.root();
		return jdbc.sql(SELECT + " where " + scope.on("r.organiser_path")
				+ " or (cast(:root as varchar) <> '' and starts_with(cast(:root as varchar), r.organiser_path))"
				+ " order by r.organiser_path, r.active desc, r.category, r.id")
			.params(scope.param())
			.param("root", root)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** A rule set within the caller's subtree; one outside it is not found. */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public PointRule get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(SELECT + " where r.id = :id and " + scope.on("r.organiser_path"))
			.param("id", id)
			.params(scope.param())
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("PointRule", id));
	}

	/** A federation's new rule; a negative cap, a missing field or a chamber as organiser is refused. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public Long create(PointRuleForm form) {
		Long orgId = form.orgId() != null ? form.orgId() : PointActor.current().map(a -> a.orgId()).orElse(null);
		if (orgId == null) {
			throw new RuleViolationException("orgId", "points.rule.organiserRequired");
		}
		OrganizationSummary organiser = organizations.get(orgId);
		if (organiser.type() == OrganizationType.CHAMBER) {
			throw new RuleViolationException("orgId", "points.rule.organiserNotFederation");
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty()) {
			throw new RuleViolationException("name", "points.rule.nameRequired");
		}
		if (name.length() > 100) {
			throw new RuleViolationException("name", "points.rule.nameTooLong");
		}
		if (form.category() == null) {
			throw new RuleViolationException("category", "points.rule.categoryRequired");
		}
		if (form.action() == null) {
			throw new RuleViolationException("action", "points.rule.actionRequired");
		}
		if (form.points() == null || form.points() < 1 || form.points() > 1000) {
			throw new RuleViolationException("points", "points.rule.pointsRange");
		}
		if (form.yearlyCap() != null && form.yearlyCap() < 0) {
			throw new RuleViolationException("yearlyCap", "points.rule.capNegative");
		}
		if (form.appliesTo() == null) {
			throw new RuleViolationException("appliesTo", "points.rule.appliesToRequired");
		}
		Long id = jdbc.sql("""
				insert into point_rule (organiser_id, organiser_path, name, category, action, points, yearly_cap, applies_to, created_by)
				values (:org, :path, :name, :category, :action, :points, :cap, :appliesTo, :by)
				returning id
				""")
			.param("org", organiser.id())
			.param("path", organiser.path())
			.param("name", name)
			.param("category", form.category().name())
			.param("action", form.action().name())
			.param("points", form.points())
			.param("cap", form.yearlyCap())
			.param("appliesTo", form.appliesTo().name())
			.param("by", PointActor.name())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("POINT_RULE_CREATED").entity("PointRule", id).org(organiser.id()).summary(name));
		return id;
	}

	/** Switches a rule off (or on again): it awards nothing new; what it awarded stays. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void setActive(Long id, boolean active) {
		PointRule rule = get(id);
		jdbc.sql("update point_rule set active = :active, version = version + 1 where id = :id")
			.param("active", active)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of(active ? "POINT_RULE_ON" : "POINT_RULE_OFF").entity("PointRule", id)
			.org(rule.organiserId()).summary(rule.name()));
	}

	/** The active rules of an action scoring an organisation of this path and level (for the listeners, unscoped). */
	List<PointRule> scoring(PointAction action, String orgPath, PointLevel level) {
		return jdbc.sql(SELECT + " where r.active and r.action = :action and r.applies_to = :level"
				+ " and starts_with(cast(:orgPath as varchar), r.organiser_path) order by r.id")
			.param("action", action.name())
			.param("level", level.name())
			.param("orgPath", orgPath)
			.query((rs, n) -> map(rs))
			.list();
	}

	static PointRule map(ResultSet rs) throws SQLException {
		return new PointRule(rs.getLong("id"), rs.getLong("organiser_id"), rs.getString("organiser_path"), rs.getString("name"),
				PointCategory.valueOf(rs.getString("category")), PointAction.valueOf(rs.getString("action")), rs.getInt("points"),
				(Integer) rs.getObject("yearly_cap"), PointLevel.valueOf(rs.getString("applies_to")), rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

}
