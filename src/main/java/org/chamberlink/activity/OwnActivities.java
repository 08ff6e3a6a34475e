package org.chamberlink.activity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in member sees of activities in the portal: those whose audience they belong to
 * (by any of their current memberships), not the caller's data scope. An activity outside their
 * audience, a draft among them, answers as one that does not exist.
 */
@Service
public class OwnActivities {

	/** The most activities the portal lists. */
	static final int LISTED = 100;

	/** The party's membership belongs to the activity {@code a}'s audience (binds :party and :today). */
	static final String IN_AUDIENCE = "exists (select 1 from published_membership m where m.party_id = :party and "
			+ AudienceSql.MEMBER_OF_AUDIENCE + ")";

	private final JdbcClient jdbc;

	private final Activities activities;

	private final PartyEmails parties;

	private final Clock clock;

	OwnActivities(JdbcClient jdbc, Activities activities, PartyEmails parties, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.parties = parties;
		this.clock = clock;
	}

	/**
	 * The published activities the member may attend that have not ended yet (those under way
	 * included, for checking in), soonest first.
	 */
	@Transactional(readOnly = true)
	public List<ActivityView> visibleTo(AccountPrincipal member) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return List.of();
		}
		return activities.named(jdbc.sql(ActivityView.COLUMNS + " where a.status in ('PUBLISHED', 'HELD') and a.ends_at > :now and "
				+ IN_AUDIENCE + " order by a.starts_at, a.id limit " + LISTED)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("party", party.get())
			.param("today", ActivityPlanning.today(clock))
			.query(ActivityView.MAPPER)
			.list());
	}

	/** The activities of the member's audience starting in a month (China time), cancelled ones left out: the member's calendar. */
	@Transactional(readOnly = true)
	public List<ActivityView> inMonth(AccountPrincipal member, java.time.YearMonth month) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return List.of();
		}
		return activities.named(jdbc.sql(ActivityView.COLUMNS + " where a.status in ('PUBLISHED', 'HELD', 'CLOSED')"
				+ " and a.starts_at >= :from and a.starts_at < :to and " + IN_AUDIENCE + " order by a.starts_at, a.id limit " + LISTED)
			.param("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(org.chamberlink.shared.ChinaTime.ZONE).toInstant()))
			.param("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(org.chamberlink.shared.ChinaTime.ZONE)
				.toInstant()))
			.param("party", party.get())
			.param("today", ActivityPlanning.today(clock))
			.query(ActivityView.MAPPER)
			.list());
	}

	/** One activity of the member's audience (any but a draft), or empty — also for one that does not exist. */
	@Transactional(readOnly = true)
	public Optional<ActivityView> find(AccountPrincipal member, Long id) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(ActivityView.COLUMNS + " where a.id = :id and a.status <> 'DRAFT' and " + IN_AUDIENCE)
			.param("id", id)
			.param("party", party.get())
			.param("today", ActivityPlanning.today(clock))
			.query(ActivityView.MAPPER)
			.optional()
			.map(found -> activities.named(List.of(found)).get(0));
	}

	/**
	 * The member's place in the waiting list of each activity they wait for (1: next to move up).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> waitingPositions(AccountPrincipal member, List<Long> activityIds) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty() || activityIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select activity_id, position from (
				    select activity_id, party_id,
				           row_number() over (partition by activity_id order by registered_at, id) as position
				    from activity_attendee where activity_id = any(:ids) and status = 'WAITLISTED') w
				where party_id = :party
				""")
			.param("ids", activityIds.toArray(Long[]::new))
			.param("party", party.get())
			.query((rs, n) -> Map.entry(rs.getLong("activity_id"), rs.getInt("position")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
