package org.chamberlink.activity;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who belongs to an activity's audience, read from the member registry's published view
 * (decision 24): the membership by which a party may register or check in, and a member's name.
 * Unscoped: callers have found the activity in scope, or hold its signed check-in code.
 */
@Component
class AudienceMembers {

	private final JdbcClient jdbc;

	private final Clock clock;

	AudienceMembers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The membership by which a party belongs to the activity's audience (its organiser's own first). */
	Optional<ActivityRegistrations.Candidate> member(Long activityId, String who, Long id) {
		return jdbc.sql("""
				select m.membership_id, m.party_id, m.party_name as name, m.org_id, null as org_name
				from activity a join published_membership m on %s and %s
				where a.id = :activity
				order by (m.org_id = a.org_id) desc, m.membership_id limit 1
				""".formatted(who, AudienceSql.MEMBER_OF_AUDIENCE))
			.param("activity", activityId)
			.param("who", id)
			.param("today", ActivityPlanning.today(clock))
			.query(ActivityRegistrations.Candidate.class)
			.optional();
	}

	/** The member's name as the registry publishes it. */
	String name(Long membershipId) {
		return jdbc.sql("select party_name from published_membership where membership_id = :id").param("id", membershipId)
			.query(String.class).optional().orElse(null);
	}

}
