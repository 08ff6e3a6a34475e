package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many working days an organisation gives itself to accept and to resolve each kind of case.
 * An organisation without its own setting uses the nearest ancestor's (a county sets them for all
 * its chambers), else the defaults of {@link CaseKind}.
 */
@Service
public class TimeLimits {

	/** @param setAt the organisation whose setting applies, or null for the defaults */
	public record Limit(CaseKind kind, int acceptDays, int resolveDays, String setAt) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final AuditTrail audit;

	TimeLimits(JdbcClient jdbc, Organizations organizations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** The limit that applies to an organisation (given by its path, which names its ancestors). */
	@Transactional(readOnly = true)
	public Limit of(String orgPath, CaseKind kind) {
		Limit defaults = new Limit(kind, kind.defaultAcceptDays(), kind.defaultResolveDays(), null);
		// the path is the ids of the organisation and its ancestors, top first: the deepest setting applies
		List<Long> line = Arrays.stream(orgPath.split("/")).filter(id -> !id.isEmpty()).map(Long::valueOf).toList();
		if (line.isEmpty()) {
			return defaults;
		}
		record Setting(Long orgId, int acceptDays, int resolveDays) {
		}
		return jdbc.sql("select org_id, accept_days, resolve_days from case_time_limit where kind = :kind and org_id in (:line)")
			.param("kind", kind.name())
			.param("line", line)
			.query(Setting.class)
			.list()
			.stream()
			.max(Comparator.comparingInt(setting -> line.indexOf(setting.orgId())))
			.map(setting -> new Limit(kind, setting.acceptDays(), setting.resolveDays(),
					organizations.namesUnscoped(List.of(setting.orgId())).get(setting.orgId())))
			.orElse(defaults);
	}

	@Transactional(readOnly = true)
	public Map<CaseKind, Limit> all(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		Map<CaseKind, Limit> limits = new EnumMap<>(CaseKind.class);
		for (CaseKind kind : CaseKind.values()) {
			limits.put(kind, of(org.path(), kind));
		}
		return limits;
	}

	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public void set(Long orgId, CaseKind kind, Integer acceptDays, Integer resolveDays) {
		OrganizationSummary org = organizations.get(orgId);
		if (kind == null) {
			throw new RuleViolationException("kind", "case.kindRequired");
		}
		if (acceptDays == null || acceptDays < 1 || acceptDays > 30) {
			throw new RuleViolationException("acceptDays", "timeLimit.acceptDays");
		}
		if (resolveDays == null || resolveDays < 1 || resolveDays > 250) {
			throw new RuleViolationException("resolveDays", "timeLimit.resolveDays");
		}
		jdbc.sql("""
				insert into case_time_limit (org_id, kind, accept_days, resolve_days, updated_by)
				values (:org, :kind, :accept, :resolve, :by)
				on conflict (org_id, kind) do update set accept_days = excluded.accept_days,
				    resolve_days = excluded.resolve_days, updated_by = excluded.updated_by, updated_at = now()
				""")
			.param("org", org.id())
			.param("kind", kind.name())
			.param("accept", acceptDays)
			.param("resolve", resolveDays)
			.param("by", SecurityContextHolder.getContext().getAuthentication().getName())
			.update();
		audit.record(AuditEntry.of("CASE_TIME_LIMIT").entity("Organization", org.id())
			.summary("audit.summary.timeLimit",
				new org.springframework.context.support.DefaultMessageSourceResolvable("caseKind." + kind), acceptDays, resolveDays));
	}

}
