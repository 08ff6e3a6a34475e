package org.chamberlink.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An activity's seats: taken while it has room, else a place at the end of the waiting list, and
 * freed by a withdrawal to the first who waits. Every method runs under the activity's row lock, so
 * of two members taking the last seat at once exactly one gets it.
 */
@Component
class ActivitySeats {

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityTally tally;

	private final ActivityNotices notices;

	private final Clock clock;

	ActivitySeats(JdbcClient jdbc, Activities activities, ActivityTally tally, ActivityNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.tally = tally;
		this.notices = notices;
		this.clock = clock;
	}

	/** The activity whatever the caller's scope (members register through their audience), its row locked. */
	ActivityView lockedUnscoped(Long activityId) {
		jdbc.sql("select id from activity where id = :id for update").param("id", activityId).query(Long.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("Activity", activityId));
		return activities.named(List.of(jdbc.sql(ActivityView.COLUMNS + " where a.id = :id").param("id", activityId)
			.query(ActivityView.MAPPER).single())).get(0);
	}

	/** A seat if one is free, else the end of the waiting list; twice is refused. Under the activity's lock. */
	AttendeeStatus take(ActivityView activity, ActivityRegistrations.Candidate member) {
		boolean already = jdbc.sql("""
				select exists (select 1 from activity_attendee where activity_id = :activity and party_id = :party and status <> 'CANCELLED')
				""").param("activity", activity.id()).param("party", member.partyId()).query(Boolean.class).single();
		if (already) {
			throw new RuleViolationException("activityId", "activity.registration.twice");
		}
		long taken = seatsTaken(activity.id());
		AttendeeStatus status = activity.capacity() == null || taken < activity.capacity() ? AttendeeStatus.REGISTERED
				: AttendeeStatus.WAITLISTED;
		jdbc.sql("""
				insert into activity_attendee (activity_id, membership_id, party_id, status, registered_at, registered_by)
				values (:activity, :membership, :party, :status, :now, :by)
				""")
			.param("activity", activity.id())
			.param("membership", member.membershipId())
			.param("party", member.partyId())
			.param("status", status.name())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("by", ActivityActor.accountId())
			.update();
		tally.refresh(activity.id());
		return status;
	}

	private long seatsTaken(Long activityId) {
		return jdbc.sql("select count(*) from activity_attendee where activity_id = :activity and status = 'REGISTERED'")
			.param("activity", activityId)
			.query(Long.class)
			.single();
	}

	/** A registration withdrawn before the start; a freed seat goes to the first waiting, who is told. Under the activity's lock. */
	void withdraw(ActivityView activity, Long attendeeId) {
		Instant now = clock.instant();
		if (!activity.status().editable() || !now.isBefore(activity.startsAt())) {
			throw new RuleViolationException("activityId", "activity.registration.cancelAfterStart");
		}
		AttendeeStatus was = jdbc.sql("""
				update activity_attendee t set status = 'CANCELLED', cancelled_at = :now
				from activity_attendee before where t.id = :id and before.id = t.id returning before.status
				""").param("now", java.sql.Timestamp.from(now)).param("id", attendeeId).query(AttendeeStatus.class).single();
		if (was == AttendeeStatus.REGISTERED && (activity.capacity() == null || seatsTaken(activity.id()) < activity.capacity())) {
			jdbc.sql("""
					update activity_attendee set status = 'REGISTERED'
					where id = (select id from activity_attendee where activity_id = :activity and status = 'WAITLISTED'
					            order by registered_at, id limit 1)
					returning id, party_id, membership_id
					""").param("activity", activity.id()).query((rs, n) -> rs.getLong("party_id")).optional()
				.ifPresent(party -> notices.movedUp(activity, party));
		}
		tally.refresh(activity.id());
	}

}
