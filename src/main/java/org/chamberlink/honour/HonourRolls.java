package org.chamberlink.honour;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's public honour roll: its staff publish or withdraw it; while published, anyone
 * signed out reads the standing honours of the organisation's subtree (programme, level, cycle,
 * awardee and organisation, awarding organisation, date — no certificate number, no phone, no
 * identity number). An organisation that does not publish, or one not active, has no public roll.
 */
@Service
public class HonourRolls {

	/** The most honours a public roll lists. */
	static final int LISTED = 500;

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	HonourRolls(JdbcClient jdbc, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the organisation (in the caller's scope, else not found) publishes its roll. */
	@Transactional(readOnly = true)
	public boolean published(Long orgId) {
		organizations.get(orgId);
		return jdbc.sql("select exists (select 1 from honour_public_roll where org_id = :o)").param("o", orgId).query(Boolean.class)
			.single();
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void publish(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		int added = jdbc.sql("insert into honour_public_roll (org_id, published_at, published_by) values (:o, :at, :by)"
				+ " on conflict (org_id) do nothing")
			.param("o", org.id())
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("by", HonourActor.accountId())
			.update();
		if (added > 0) {
			audit.record(AuditEntry.of("HONOUR_ROLL_PUBLISHED").entity("Organization", org.id()).org(org.id()).summary(org.name()));
		}
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void withdraw(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		int removed = jdbc.sql("delete from honour_public_roll where org_id = :o").param("o", org.id()).update();
		if (removed > 0) {
			audit.record(AuditEntry.of("HONOUR_ROLL_WITHDRAWN").entity("Organization", org.id()).org(org.id()).summary(org.name()));
		}
	}

	/** A published roll as the signed-out page shows it: the organisation's name and its honours. */
	public record PublicRoll(String orgName, List<PublicRollEntry> entries) {
	}

	/**
	 * The organisation's public roll, if it publishes one and is active; empty otherwise — for an
	 * unknown id alike. Unscoped by design: the page is signed out, and shows only what is public.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicRoll> publicRollUnscoped(Long orgId) {
		if (orgId == null || !jdbc.sql("select exists (select 1 from honour_public_roll where org_id = :o)").param("o", orgId)
			.query(Boolean.class).single()) {
			return Optional.empty();
		}
		return organizations.findActiveUnscoped(orgId).map(org -> {
			DataScope subtree = DataScope.subtree(org.path());
			List<PublicRollEntry> entries = jdbc.sql("select a.programme_name, a.level, a.cycle, a.awardee_name, a.awardee_org_name,"
					+ " a.awarding_org_name, a.awarded_on from honour_award a where a.revoked_at is null and "
					+ subtree.on("a.awardee_org_path") + " order by a.cycle desc, a.awarded_on desc, a.id desc limit " + LISTED)
				.params(subtree.param())
				.query(PublicRollEntry.class)
				.list();
			return new PublicRoll(org.name(), entries);
		});
	}

}
