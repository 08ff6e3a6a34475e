package org.chamberlink.organization;

import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.CalendarDates;
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
				select id, org_id, role, person_name, non_public_economy, starts_on, ends_on, end_reason
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
				!Boolean.FALSE.equals(term.nonPublicEconomy()), term.startsOn(), term.endsOn(), null);
	}

	/**
	 * Corrects a term entered wrongly (a name mistyped, a date off): the same rules as a new term,
	 * the term itself left out of the president overlap; audited field by field.
	 */
	@Transactional
	public LeadershipTerm correct(Long orgId, Long termId, NewLeadershipTerm term) {
		LeadershipTerm before = term(orgId, termId);
		CalendarDates.requirePlausible("startsOn", "newLeadershipTerm.startsOn", term.startsOn());
		CalendarDates.requirePlausible("endsOn", "newLeadershipTerm.endsOn", term.endsOn());
		if (!term.endsOn().isAfter(term.startsOn())) {
			throw new RuleViolationException("endsOn", "leadership.endBeforeStart");
		}
		if (term.role() == LeadershipRole.PRESIDENT && overlapsPresident(orgId, term, termId)) {
			throw new RuleViolationException("startsOn", "leadership.presidentOverlap");
		}
		String name = term.personName().trim();
		boolean nonPublic = !Boolean.FALSE.equals(term.nonPublicEconomy());
		jdbc.sql("""
				update leadership_term set role = :role, person_name = :name, non_public_economy = :npe,
				    starts_on = :starts, ends_on = :ends
				where id = :id
				""")
			.param("role", term.role().name())
			.param("name", name)
			.param("npe", nonPublic)
			.param("starts", term.startsOn())
			.param("ends", term.endsOn())
			.param("id", termId)
			.update();
		Map<String, Change> changes = new java.util.LinkedHashMap<>();
		changed(changes, "leadershipRole", before.role().name(), term.role().name());
		changed(changes, "leaderName", before.personName(), name);
		changed(changes, "leadershipTerm", before.startsOn() + " ~ " + before.endsOn(),
				term.startsOn() + " ~ " + term.endsOn());
		changed(changes, "nonPublicEconomy", String.valueOf(before.nonPublicEconomy()), String.valueOf(nonPublic));
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Organization", orgId)
			.org(orgId)
			.summary("audit.summary.leadershipCorrected",
					new DefaultMessageSourceResolvable("leadershipRole." + term.role().name()), name)
			.changes(changes));
		return term(orgId, termId);
	}

	/**
	 * Ends a term before its time (the president resigned, moved away): the day it ended, between
	 * its start and its planned end, and why. The renewal watch sees the new end at once.
	 */
	@Transactional
	public LeadershipTerm endEarly(Long orgId, Long termId, EarlyEnd end) {
		LeadershipTerm before = term(orgId, termId);
		if (end.endsOn() == null) {
			throw new RuleViolationException("endsOn", "leadership.endsOnRequired");
		}
		if (!end.endsOn().isAfter(before.startsOn())) {
			throw new RuleViolationException("endsOn", "leadership.endBeforeStart");
		}
		if (!end.endsOn().isBefore(before.endsOn())) {
			throw new RuleViolationException("endsOn", "leadership.endNotEarlier", before.endsOn().toString());
		}
		if (end.reason() == null || end.reason().isBlank() || end.reason().strip().length() > 200) {
			throw new RuleViolationException("reason", "leadership.endReasonRequired");
		}
		String reason = end.reason().strip();
		jdbc.sql("update leadership_term set ends_on = :ends, end_reason = :reason where id = :id")
			.param("ends", end.endsOn())
			.param("reason", reason)
			.param("id", termId)
			.update();
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Organization", orgId)
			.org(orgId)
			.summary("audit.summary.leadershipEnded",
					new DefaultMessageSourceResolvable("leadershipRole." + before.role().name()), before.personName(), reason)
			.changes(Map.of("leadershipTerm", new Change(before.startsOn() + " ~ " + before.endsOn(),
					before.startsOn() + " ~ " + end.endsOn()), "endReason", new Change(null, reason))));
		return term(orgId, termId);
	}

	/** A term of an organisation in the caller's scope; another organisation's term is not found. */
	private LeadershipTerm term(Long orgId, Long termId) {
		organizations.get(orgId);
		return jdbc.sql("""
				select id, org_id, role, person_name, non_public_economy, starts_on, ends_on, end_reason
				from leadership_term where id = :id and org_id = :org
				""")
			.param("id", termId)
			.param("org", orgId)
			.query(LeadershipTerm.class)
			.optional()
			.orElseThrow(() -> new org.chamberlink.shared.RecordNotFoundException("LeadershipTerm", termId));
	}

	private static void changed(Map<String, Change> changes, String field, String before, String after) {
		if (!java.util.Objects.equals(before, after)) {
			changes.put(field, new Change(before, after));
		}
	}

	private boolean overlapsPresident(Long orgId, NewLeadershipTerm term) {
		return overlapsPresident(orgId, term, null);
	}

	private boolean overlapsPresident(Long orgId, NewLeadershipTerm term, Long except) {
		return jdbc.sql("""
				select count(*) > 0 from leadership_term
				where org_id = :org and role = 'PRESIDENT' and starts_on < :ends and ends_on > :starts
				  and (cast(:except as bigint) is null or id <> :except)
				""")
			.param("except", except)
			.param("org", orgId)
			.param("starts", term.startsOn())
			.param("ends", term.endsOn())
			.query(Boolean.class)
			.single();
	}

}
