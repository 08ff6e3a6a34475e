package org.chamberlink.activity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who comes: members register themselves in the portal or staff register them, guests are added by
 * name and phone. Seats are taken under the activity's row lock, so of two members taking the last
 * seat at once exactly one gets it and the other waits; a withdrawal before the start frees the seat
 * for the first in the waiting list, who is told by the outbox.
 */
@Service
public class ActivityRegistrations {

	/** The most audience members a staff search lists. */
	static final int MATCHES = 20;

	/** A member of an activity's audience, as staff find them to register or check in. */
	public record Candidate(Long membershipId, Long partyId, String name, Long orgId, String orgName) {
	}

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityPlanning planning;

	private final ActivityTally tally;

	private final PartyEmails parties;

	private final Organizations organizations;

	private final AudienceMembers audience;

	private final ActivityGuests guests;

	private final AuditTrail audit;

	private final ActivitySeats seats;

	private final Clock clock;

	ActivityRegistrations(JdbcClient jdbc, Activities activities, ActivityPlanning planning, ActivityTally tally,
			PartyEmails parties, Organizations organizations, AudienceMembers audience,
			ActivityGuests guests, AuditTrail audit, ActivitySeats seats, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.planning = planning;
		this.tally = tally;
		this.parties = parties;
		this.organizations = organizations;
		this.audience = audience;
		this.guests = guests;
		this.audit = audit;
		this.seats = seats;
		this.clock = clock;
	}

	/** Staff register a member of the audience; the answer says whether a seat or a place in the waiting list. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public AttendeeStatus register(Long activityId, Long membershipId) {
		ActivityView activity = planning.locked(activityId);
		if (activity.status() != ActivityStatus.PUBLISHED) {
			throw new RuleViolationException("activityId", "activity.registration.notPublished");
		}
		Candidate member = audience.member(activityId, "m.membership_id = :who", membershipId)
			.orElseThrow(() -> new RuleViolationException("membershipId", "activity.registration.notInAudience"));
		AttendeeStatus status = seats.take(activity, member);
		audit.record(AuditEntry.of("ACTIVITY_REGISTERED").entity("Activity", activityId).org(activity.orgId()).summary(member.name()));
		return status;
	}

	/** The signed-in member registers; an activity outside their audience answers as one that does not exist. */
	@Transactional
	public AttendeeStatus registerOwn(AccountPrincipal member, Long activityId) {
		Long party = parties.partyOf(member).orElseThrow(() -> new RecordNotFoundException("Activity", activityId));
		Candidate self = audience.member(activityId, "m.party_id = :who", party)
			.orElseThrow(() -> new RecordNotFoundException("Activity", activityId));
		ActivityView activity = seats.lockedUnscoped(activityId);
		if (activity.status() == ActivityStatus.DRAFT) {
			// members never see a draft
			throw new RecordNotFoundException("Activity", activityId);
		}
		if (!activity.registrationOpen(clock.instant())) {
			throw new RuleViolationException("activityId", "activity.registration.closed");
		}
		return seats.take(activity, self);
	}

	/** Staff add a guest who is not a member, by name and mobile phone. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long registerGuest(Long activityId, String name, String phone) {
		ActivityView activity = planning.locked(activityId);
		if (!activity.status().editable() && activity.status() != ActivityStatus.HELD) {
			throw new RuleViolationException("activityId", "activity.registration.notPublished");
		}
		Long id = guests.insert(activity, name, phone, false);
		tally.refresh(activityId);
		audit.record(AuditEntry.of("ACTIVITY_GUEST_ADDED").entity("Activity", activityId).org(activity.orgId()).summary(name.strip()));
		return id;
	}

	/** Staff withdraw a registration (before the start); the first waiting moves up. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void cancel(Long activityId, Long attendeeId) {
		ActivityView activity = planning.locked(activityId);
		seats.withdraw(activity, jdbc.sql("select id from activity_attendee where id = :id and activity_id = :activity and status <> 'CANCELLED'")
			.param("id", attendeeId)
			.param("activity", activityId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Attendee", attendeeId)));
		audit.record(AuditEntry.of("ACTIVITY_REGISTRATION_CANCELLED").entity("Activity", activityId).org(activity.orgId()));
	}

	/** The signed-in member withdraws their own registration, until the activity starts. */
	@Transactional
	public void cancelOwn(AccountPrincipal member, Long activityId) {
		Long party = parties.partyOf(member).orElseThrow(() -> new RecordNotFoundException("Activity", activityId));
		Long attendee = jdbc.sql("""
				select id from activity_attendee where activity_id = :activity and party_id = :party and status <> 'CANCELLED'
				""").param("activity", activityId).param("party", party).query(Long.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("Activity", activityId));
		seats.withdraw(seats.lockedUnscoped(activityId), attendee);
	}

	/** Everyone on the activity's list (in the caller's scope): registered first, then waiting in order, then withdrawn. */
	@Transactional(readOnly = true)
	public List<Attendee> attendees(Long activityId) {
		activities.get(activityId);
		return attendeesUnscoped(activityId);
	}

	List<Attendee> attendeesUnscoped(Long activityId) {
		List<Attendee> rows = jdbc.sql("""
				select t.id, t.activity_id, t.membership_id, t.party_id, coalesce(m.party_name, t.guest_name) as name, m.org_id,
				       null as org_name, t.guest_phone_masked, t.status, t.walk_in, t.registered_at, t.checked_in_at, t.check_in_way
				from activity_attendee t left join published_membership m on m.membership_id = t.membership_id
				where t.activity_id = :activity
				order by case t.status when 'REGISTERED' then 0 when 'WAITLISTED' then 1 else 2 end, t.registered_at, t.id
				""").param("activity", activityId).query(Attendee.class).list();
		List<Long> orgIds = rows.stream().map(Attendee::orgId).filter(java.util.Objects::nonNull).distinct().toList();
		Map<Long, String> names = orgIds.isEmpty() ? Map.of() : organizations.namesUnscoped(orgIds);
		return rows.stream()
			.map(row -> new Attendee(row.id(), row.activityId(), row.membershipId(), row.partyId(), row.name(), row.orgId(),
					names.get(row.orgId()), row.guestPhoneMasked(), row.status(), row.walkIn(), row.registeredAt(),
					row.checkedInAt(), row.checkInWay()))
			.toList();
	}

	/** Members of the audience whose name contains the words, for staff to register or check in. */
	@Transactional(readOnly = true)
	public List<Candidate> findInAudience(Long activityId, String keyword) {
		activities.get(activityId);
		if (keyword == null || keyword.isBlank()) {
			return List.of();
		}
		return jdbc.sql("""
				select m.membership_id, m.party_id, m.party_name as name, m.org_id, null as org_name
				from activity a join published_membership m on m.party_name like :keyword and %s
				where a.id = :activity order by m.party_name, m.membership_id limit %d
				""".formatted(AudienceSql.MEMBER_OF_AUDIENCE, MATCHES))
			.param("activity", activityId)
			.param("keyword", LikePattern.containing(keyword.strip()))
			.param("today", ActivityPlanning.today(clock))
			.query(Candidate.class)
			.list();
	}

	/** The activities the signed-in member has registered for (or waits for), with their status. */
	@Transactional(readOnly = true)
	public Map<Long, Attendee> ownRegistrations(AccountPrincipal member, List<Long> activityIds) {
		Long party = parties.partyOf(member).orElse(null);
		if (party == null || activityIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select t.id, t.activity_id, t.membership_id, t.party_id, null as name, null as org_id, null as org_name,
				       null as guest_phone_masked,
				       t.status, t.walk_in, t.registered_at, t.checked_in_at, t.check_in_way
				from activity_attendee t where t.party_id = :party and t.activity_id = any(:ids) and t.status <> 'CANCELLED'
				""").param("party", party).param("ids", activityIds.toArray(Long[]::new)).query(Attendee.class).list()
			.stream().collect(java.util.stream.Collectors.toMap(Attendee::activityId, row -> row));
	}

	/** The membership by which a member belongs to the activity's audience, if they do (the organiser's own first). */
	@Transactional(readOnly = true)
	public Optional<Candidate> audienceMembership(Long activityId, Long partyId) {
		activities.get(activityId);
		return audience.member(activityId, "m.party_id = :who", partyId);
	}

}
