package org.chamberlink.organization;

import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leadership terms of an organisation of the caller's scope. */
@Service
public class Leadership {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final AuditTrail audit;

	Leadership(JdbcClient jdbc, Organizations organizations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<LeadershipTerm> of(Long orgId) {
		organizations.get(orgId);
		return jdbc.sql("""
				select id, org_id, role, person_name, non_public_economy, starts_on, ends_on
				from leadership_term where org_id = :org order by ends_on desc, role
				""").param("org", orgId).query(LeadershipTerm.class).list();
	}

	@Transactional
	public LeadershipTerm add(Long orgId, NewLeadershipTerm term) {
		organizations.get(orgId);
		if (!term.endsOn().isAfter(term.startsOn())) {
			throw new RuleViolationException("endsOn", "leadership.endBeforeStart");
		}
		if (term.role() == LeadershipRole.PRESIDENT && overlapsPresident(orgId, term)) {
			throw new RuleViolationException("startsOn", "leadership.presidentOverlap");
		}
		Long id = jdbc.sql("""
				insert into leadership_term (org_id, role, person_name, non_public_economy, starts_on, ends_on)
				values (:org, :role, :name, :npe, :starts, :ends) returning id
				""")
			.param("org", orgId)
			.param("role", term.role().name())
			.param("name", term.personName().trim())
			.param("npe", !Boolean.FALSE.equals(term.nonPublicEconomy()))
			.param("starts", term.startsOn())
			.param("ends", term.endsOn())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("Organization", orgId)
			.org(orgId)
			.summary("audit.summary.leadershipAdded",
					new DefaultMessageSourceResolvable("leadershipRole." + term.role().name()), term.personName().trim())
			.changes(Map.of("leadershipRole", new Change(null, term.role().name()), "leaderName",
					new Change(null, term.personName().trim()), "leadershipTerm",
					new Change(null, term.startsOn() + " ~ " + term.endsOn()))));
		return new LeadershipTerm(id, orgId, term.role(), term.personName().trim(),
				!Boolean.FALSE.equals(term.nonPublicEconomy()), term.startsOn(), term.endsOn());
	}

	private boolean overlapsPresident(Long orgId, NewLeadershipTerm term) {
		return jdbc.sql("""
				select count(*) > 0 from leadership_term
				where org_id = :org and role = 'PRESIDENT' and starts_on < :ends and ends_on > :starts
				""")
			.param("org", orgId)
			.param("starts", term.startsOn())
			.param("ends", term.endsOn())
			.query(Boolean.class)
			.single();
	}

}
