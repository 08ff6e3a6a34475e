package org.chamberlink.honour;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Honour programmes and their quotas. A programme is seen by its organiser's subtree (who
 * nominates) and the organiser's side (who runs it); anything else answers as nonexistent. Only
 * the organiser's side changes it and sets the quotas of the organisations below.
 */
@Service
public class HonourProgrammes {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	HonourProgrammes(JdbcClient jdbc, DataScopes scopes, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The programme if the caller sees it: its organiser in the caller's scope, or the caller's organisation in its subtree. */
	@Transactional(readOnly = true)
	public Optional<Programme> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(Programme.COLUMNS + " where p.id = :id and (" + scope.on("p.org_path")
				+ " or starts_with(:root, p.org_path))")
			.param("id", id)
			.param("root", scope.root())
			.params(scope.param())
			.query(Programme.MAPPER)
			.optional()
			.map(p -> named(List.of(p)).get(0));
	}

	public Programme get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Programme", id));
	}

	/** The programme if the caller runs it (its organiser in the caller's scope). */
	Programme running(Long id) {
		Programme programme = get(id);
		if (!scopes.current().covers(programme.orgPath())) {
			throw new RecordNotFoundException("Programme", id);
		}
		return programme;
	}

	/** The programmes the caller sees, newest cycle first. */
	@Transactional(readOnly = true)
	public List<Programme> list() {
		DataScope scope = scopes.current();
		return named(jdbc.sql(Programme.COLUMNS + " where " + scope.on("p.org_path") + " or starts_with(:root, p.org_path)"
				+ " order by p.cycle desc, p.id desc limit 500")
			.param("root", scope.root())
			.params(scope.param())
			.query(Programme.MAPPER)
			.list());
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(ProgrammeForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "honour.programme.orgRequired");
		}
		OrganizationSummary org = organizations.get(form.orgId());
		HonourLevel own = HonourLevel.ofOrganization(org.level());
		if (own == null || !"ACTIVE".equals(org.status())) {
			throw new RuleViolationException("orgId", "honour.programme.organizerNotFederation");
		}
		String name = HonourInput.required(form.name(), 200, "name");
		if (form.honoreeKinds().isEmpty()) {
			throw new RuleViolationException("honoreeKinds", "honour.programme.kindsRequired");
		}
		if (form.levels().isEmpty()) {
			throw new RuleViolationException("levels", "honour.programme.levelsRequired");
		}
		for (HonourLevel level : form.levels()) {
			if (level.compareTo(own) > 0) {
				throw new RuleViolationException("levels", "honour.programme.levelAboveOrganizer");
			}
		}
		if (form.cycle() == null || form.cycle() < 2000 || form.cycle() > 2100) {
			throw new RuleViolationException("cycle", "honour.programme.cycleInvalid");
		}
		if (form.ruleMinYears() != null && (form.ruleMinYears() < 1 || form.ruleMinYears() > 50)) {
			throw new RuleViolationException("ruleMinYears", "honour.programme.minYearsInvalid");
		}
		int noticeDays = form.noticeDays() == null ? 5 : form.noticeDays();
		if (noticeDays < 1 || noticeDays > 60) {
			throw new RuleViolationException("noticeDays", "honour.programme.noticeDaysInvalid");
		}
		Long id = jdbc.sql("""
				insert into honour_programme (org_id, org_path, name, co_organizer_name, honoree_kinds, levels, cycle, certificate,
				    plaque, self_apply, rule_party_member, rule_dues, rule_min_years, rule_once, rule_registered, notice_days,
				    created_by, created_at)
				values (:org, :path, :name, :co, :kinds, :levels, :cycle, :certificate, :plaque, :self, :party, :dues, :years,
				    :once, :registered, :days, :by, :now)
				returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("name", name)
			.param("co", HonourInput.optional(form.coOrganizerName(), 200, "coOrganizerName"))
			.param("kinds", form.honoreeKinds().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("levels", form.levels().stream().sorted().map(Enum::name).toArray(String[]::new))
			.param("cycle", form.cycle())
			.param("certificate", form.certificate())
			.param("plaque", form.plaque())
			.param("self", form.selfApply())
			.param("party", form.rulePartyMember())
			.param("dues", form.ruleDues())
			.param("years", form.ruleMinYears())
			.param("once", form.ruleOnce())
			.param("registered", form.ruleRegistered())
			.param("days", noticeDays)
			.param("by", HonourActor.accountId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("HONOUR_PROGRAMME_CREATED").entity("HonourProgramme", id).org(org.id()).summary(name));
		return id;
	}

	/**
	 * Sets how many an organisation below the organiser may nominate for a level of the programme
	 * (e.g. each county 5 for the city level). Only the organiser's side sets quotas.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void setQuota(Long programmeId, Long orgId, HonourLevel level, Integer quota) {
		Programme programme = running(programmeId);
		if (level == null || !programme.levels().contains(level)) {
			throw new RuleViolationException("level", "honour.quota.levelNotRun");
		}
		if (orgId == null) {
			throw new RuleViolationException("orgId", "honour.quota.orgRequired");
		}
		OrganizationSummary org = organizations.get(orgId);
		if (!org.path().startsWith(programme.orgPath()) || org.path().equals(programme.orgPath())) {
			throw new RuleViolationException("orgId", "honour.quota.notBelow");
		}
		if (quota == null || quota < 0 || quota > 1_000_000) {
			throw new RuleViolationException("quota", "honour.quota.invalid");
		}
		jdbc.sql("""
				insert into honour_quota (programme_id, org_id, org_path, level, quota) values (:p, :org, :path, :level, :quota)
				on conflict (programme_id, org_id, level) do update set quota = excluded.quota
				""")
			.param("p", programmeId)
			.param("org", orgId)
			.param("path", org.path())
			.param("level", level.name())
			.param("quota", quota)
			.update();
		audit.record(AuditEntry.of("HONOUR_QUOTA_SET").entity("HonourProgramme", programmeId).org(orgId)
			.summary(org.name() + " " + level + " " + quota));
	}

	/** The quotas of the programme the caller sees: all for the organiser's side, the caller's own subtree's otherwise. */
	@Transactional(readOnly = true)
	public List<Quota> quotas(Long programmeId) {
		get(programmeId);
		DataScope scope = scopes.current();
		List<Quota> rows = jdbc.sql("""
				select q.programme_id, q.org_id, null as org_name, q.level, q.quota,
				       (select count(*) from honour_nomination n where n.programme_id = q.programme_id and n.nominator_org_id = q.org_id
				          and n.level = q.level and n.status not in ('REJECTED', 'APPLIED')) as used
				from honour_quota q where q.programme_id = :p and %s order by q.org_path, q.level
				""".formatted(scope.on("q.org_path")))
			.param("p", programmeId)
			.params(scope.param())
			.query(Quota.class)
			.list();
		Set<Long> ids = new HashSet<>();
		rows.forEach(q -> ids.add(q.orgId()));
		Map<Long, String> names = ids.isEmpty() ? Map.of() : organizations.namesUnscoped(ids);
		return rows.stream().map(q -> q.named(names)).toList();
	}

	List<Programme> named(List<Programme> programmes) {
		Set<Long> ids = new HashSet<>();
		programmes.forEach(p -> ids.add(p.orgId()));
		Map<Long, String> names = ids.isEmpty() ? new HashMap<>() : organizations.namesUnscoped(ids);
		return programmes.stream().map(p -> p.named(names.get(p.orgId()))).toList();
	}

}
