package org.chamberlink.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in (签到). Each activity's QR code carries {@code <id>.<signature>}, the signature a keyed
 * hash of the id under the installation's personal-data key, so nobody can make a code for an
 * activity from its id; the page refuses a forged code, another activity's code and a code used
 * outside the window (an hour before the start to the end), each with its own message.
 * A member in the audience is checked in with one tap (a seat taken or not: whoever comes is
 * present), a guest by name and phone; staff check people in from the list or by search, and tick
 * the paper sheet's signatures afterwards. A check-in is one conditional update, so a second one
 * changes nothing and answers with the time of the first. Check-ins do not touch the activity's
 * row (a burst of hundreds at the door would queue on its lock): the tally is counted when the
 * activity is held, and afterwards on each late tick.
 */
@Service
public class ActivityCheckIns {

	private final JdbcClient jdbc;

	private final Activities activities;

	private final AudienceMembers audience;

	private final ActivityGuests guests;

	private final ActivityTally tally;

	private final CheckInCodes codes;

	private final PartyEmails parties;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ActivityCheckIns(JdbcClient jdbc, Activities activities, AudienceMembers audience, ActivityGuests guests, ActivityTally tally,
			PartyEmails parties, CheckInCodes codes, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.audience = audience;
		this.guests = guests;
		this.tally = tally;
		this.parties = parties;
		this.codes = codes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The activity's check-in code, for its QR code and poster (staff in scope only). */
	@Transactional(readOnly = true)
	public String code(Long activityId) {
		activities.get(activityId);
		return codes.of(activityId);
	}

	/**
	 * The activity a check-in page with this code is for: refuses a forged code, another activity's
	 * code and one outside the check-in window. Unscoped: the page is opened by members and guests.
	 */
	@Transactional(readOnly = true)
	public ActivityView verifyUnscoped(Long activityId, String code) {
		return activities.named(java.util.List.of(codes.verified(activityId, code))).get(0);
	}

	/**
	 * A signed-in member with the activity's code: checked in with one tap if in its audience. The
	 * door's hot path (hundreds within minutes): the code checked on the activity's row, the member's
	 * seat taken and marked in one statement, a walk-in's row added only when there is none; the
	 * answer carries no name (the phone knows whose it is).
	 */
	@Transactional
	public CheckInOutcome checkInOwn(AccountPrincipal member, Long activityId, String code) {
		ActivityView activity = codes.verified(activityId, code);
		Long party = parties.partyOf(member).orElseThrow(() -> new RuleViolationException("code", "activity.checkIn.notInAudience"));
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Optional<Mark> seat = jdbc.sql("""
				with marked as (
				    update activity_attendee set status = 'REGISTERED', walk_in = (status = 'WAITLISTED') or walk_in,
				        checked_in_at = :now, check_in_way = 'QR'
				    where activity_id = :activity and party_id = :party and status <> 'CANCELLED' and checked_in_at is null
				    returning id)
				select coalesce(t.checked_in_at, :now) as checked_in_at, exists (select 1 from marked) as now,
				       t.membership_id, t.party_id, t.guest_name
				from activity_attendee t where t.activity_id = :activity and t.party_id = :party and t.status <> 'CANCELLED'
				""")
			.param("now", java.sql.Timestamp.from(now))
			.param("activity", activityId)
			.param("party", party)
			.query(Mark.class)
			.optional();
		if (seat.isPresent()) {
			return marked(activity, seat.get(), now, CheckInWay.QR, null);
		}
		Long attendee = walkIn(activity, audience.member(activityId, "m.party_id = :who", party)
			.orElseThrow(() -> new RuleViolationException("code", "activity.checkIn.notInAudience")));
		return mark(activity, attendee, CheckInWay.QR);
	}

	/** A guest with the activity's code: by name and mobile phone; the same phone twice is the same guest. */
	@Transactional
	public CheckInOutcome checkInGuest(Long activityId, String code, String name, String phone) {
		ActivityView activity = codes.verified(activityId, code);
		Long attendee = guestOf(activityId, phone).orElseGet(() -> guests.insert(activity, name, phone, true));
		return mark(activity, attendee, CheckInWay.QR);
	}

	/** Staff check someone on the list in at the door, or tick their signature on the paper sheet afterwards. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public CheckInOutcome checkIn(Long activityId, Long attendeeId, CheckInWay way) {
		ActivityView activity = staffMayCheckIn(activityId);
		Long attendee = jdbc.sql("""
				select id from activity_attendee where id = :id and activity_id = :activity and status <> 'CANCELLED'
				""").param("id", attendeeId).param("activity", activityId).query(Long.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("Attendee", attendeeId));
		CheckInOutcome outcome = mark(activity, attendee, way == null ? CheckInWay.STAFF : way);
		audit.record(AuditEntry.of("ACTIVITY_CHECKED_IN").entity("Activity", activityId).org(activity.orgId()).summary(outcome.name()));
		return outcome;
	}

	/** Staff check in a member of the audience who did not register (a walk-in), found by search. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public CheckInOutcome checkInMember(Long activityId, Long membershipId) {
		ActivityView activity = staffMayCheckIn(activityId);
		ActivityRegistrations.Candidate member = audience.member(activityId, "m.membership_id = :who", membershipId)
			.orElseThrow(() -> new RuleViolationException("membershipId", "activity.registration.notInAudience"));
		Long attendee = seatOf(activityId, member.partyId()).orElseGet(() -> walkIn(activity, member));
		CheckInOutcome outcome = mark(activity, attendee, CheckInWay.STAFF);
		audit.record(AuditEntry.of("ACTIVITY_CHECKED_IN").entity("Activity", activityId).org(activity.orgId()).summary(outcome.name()));
		return outcome;
	}

	/** Staff add a walk-in guest and check them in. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public CheckInOutcome checkInWalkInGuest(Long activityId, String name, String phone) {
		ActivityView activity = staffMayCheckIn(activityId);
		Long attendee = guestOf(activityId, phone).orElseGet(() -> guests.insert(activity, name, phone, true));
		return mark(activity, attendee, CheckInWay.STAFF);
	}

	private ActivityView staffMayCheckIn(Long activityId) {
		ActivityView activity = activities.get(activityId);
		if (activity.status() == ActivityStatus.DRAFT || activity.status() == ActivityStatus.CANCELLED
				|| activity.status() == ActivityStatus.CLOSED) {
			throw new RuleViolationException("activityId", "activity.checkIn.notOpen");
		}
		if (clock.instant().isBefore(activity.checkInOpensAt())) {
			throw new RuleViolationException("activityId", "activity.checkIn.tooEarly", CheckInCodes.opensAt(activity));
		}
		return activity;
	}

	/** A seat held (or a place waited for) by the party: whoever comes is present. */
	private Optional<Long> seatOf(Long activityId, Long party) {
		return jdbc.sql("""
				update activity_attendee set status = 'REGISTERED', walk_in = (status = 'WAITLISTED') or walk_in
				where activity_id = :activity and party_id = :party and status <> 'CANCELLED' returning id
				""").param("activity", activityId).param("party", party).query(Long.class).optional();
	}

	private Optional<Long> guestOf(Long activityId, String phone) {
		return jdbc.sql("""
				select id from activity_attendee where activity_id = :activity and guest_phone_hash = :hash and status <> 'CANCELLED'
				""").param("activity", activityId).param("hash", guests.phoneHash(phone)).query(Long.class).optional();
	}

	private Long walkIn(ActivityView activity, ActivityRegistrations.Candidate member) {
		return jdbc.sql("""
				insert into activity_attendee (activity_id, membership_id, party_id, status, walk_in, registered_at, registered_by)
				values (:activity, :membership, :party, 'REGISTERED', true, :now, :by)
				on conflict (activity_id, party_id) where party_id is not null and status <> 'CANCELLED' do nothing
				returning id
				""")
			.param("activity", activity.id())
			.param("membership", member.membershipId())
			.param("party", member.partyId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("by", ActivityActor.accountId())
			.query(Long.class)
			.optional()
			// a second tap raced the first: its row is there now
			.orElseGet(() -> seatOf(activity.id(), member.partyId()).orElseThrow());
	}

	private record Mark(Instant checkedInAt, boolean now, Long membershipId, Long partyId, String guestName) {
	}

	private CheckInOutcome mark(ActivityView activity, Long attendeeId, CheckInWay way) {
		// the database keeps microseconds: the first answer says the time the second one reads
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Mark mark = jdbc.sql("""
				with marked as (
				    update activity_attendee set checked_in_at = :now, check_in_way = :way
				    where id = :id and checked_in_at is null returning id)
				select coalesce(t.checked_in_at, :now) as checked_in_at, exists (select 1 from marked) as now,
				       t.membership_id, t.party_id, t.guest_name
				from activity_attendee t where t.id = :id
				""")
			.param("now", java.sql.Timestamp.from(now))
			.param("way", way.name())
			.param("id", attendeeId)
			.query(Mark.class)
			.single();
		String name = mark.guestName() != null ? mark.guestName() : audience.name(mark.membershipId());
		return marked(activity, mark, now, way, name);
	}

	/** After the mark: a second check-in answers with the first's time; a first one is counted and told. */
	private CheckInOutcome marked(ActivityView activity, Mark mark, Instant now, CheckInWay way, String name) {
		if (!mark.now()) {
			return new CheckInOutcome(true, mark.checkedInAt(), name);
		}
		if (activity.status().took()) {
			tally.refresh(activity.id());
		}
		if (mark.partyId() != null) {
			events.publishEvent(new AttendanceRecorded(activity.id(), activity.orgId(), activity.kind(), mark.membershipId(),
					mark.partyId(), now, way));
		}
		return new CheckInOutcome(false, now, name);
	}

}
