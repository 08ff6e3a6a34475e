package org.chamberlink.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dissolves an organisation (注销): a status, never a delete, so its history and everything that
 * hangs on it stay. Audited, and published as {@link OrganizationDissolved}.
 */
@Service
public class OrganizationDissolution {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganizationDissolution(JdbcClient jdbc, Organizations organizations, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Refused while organisations below it are still active. */
	@Transactional
	public OrganizationSummary dissolve(Long id) {
		OrganizationSummary org = organizations.get(id);
		if (!"ACTIVE".equals(org.status())) {
			throw new RuleViolationException("status", "organization.alreadyDissolved");
		}
		boolean activeBelow = jdbc.sql("select count(*) > 0 from organization where parent_id = :id and status = 'ACTIVE'")
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (activeBelow) {
			throw new RuleViolationException("status", "organization.activeBelow");
		}
		// the day it ends, so figures as of an earlier date still count it (decision 57)
		jdbc.sql("update organization set status = 'DISSOLVED', dissolved_on = :today, version = version + 1 where id = :id")
			.param("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)))
			.param("id", id)
			.update();
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Organization", id)
			.org(id)
			.changes(Map.of("status", new Change("ACTIVE", "DISSOLVED"))));
		events.publishEvent(new OrganizationDissolved(id, org.path(), org.parentId(), org.type(), clock.instant()));
		return organizations.get(id);
	}

}
