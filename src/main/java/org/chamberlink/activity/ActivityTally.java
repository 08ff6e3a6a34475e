package org.chamberlink.activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps an activity's counts on its row — seats taken, waiting, person-times, registered who came,
 * distinct members — so lists, the ledger and figures read one row per activity rather than its
 * attendees. Counted afresh from the attendees on each change of a registration (one activity's
 * rows, under the activity's lock) and when the activity is held.
 */
@Component
class ActivityTally {

	record Counts(int registered, int waitlisted, int attended, int registeredAttended, int membersAttended) {
	}

	private final JdbcClient jdbc;

	ActivityTally(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Counts refresh(Long activityId) {
		return jdbc.sql("""
				update activity a set registered = t.registered, waitlisted = t.waitlisted, attended = t.attended,
				    registered_attended = t.registered_attended, members_attended = t.members_attended
				from (select count(*) filter (where status = 'REGISTERED') as registered,
				             count(*) filter (where status = 'WAITLISTED') as waitlisted,
				             count(*) filter (where checked_in_at is not null) as attended,
				             count(*) filter (where checked_in_at is not null and not walk_in) as registered_attended,
				             count(distinct party_id) filter (where checked_in_at is not null) as members_attended
				      from activity_attendee where activity_id = :id) t
				where a.id = :id
				returning a.registered, a.waitlisted, a.attended, a.registered_attended, a.members_attended
				""").param("id", activityId).query(Counts.class).single();
	}

}
