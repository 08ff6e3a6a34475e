package org.chamberlink.activity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minutes of an activity that took place, with the attendance attached from the check-ins. A
 * governance meeting counts who may attend (the organiser's own members holding its roles on the
 * day) and who of them was present, and checks the quorum by the organisation's rule; without it
 * the meeting is marked and no resolution passes. Votes may not exceed those present.
 */
@Service
public class ActivityMinutes {

	/** The most resolutions one meeting's minutes record. */
	public static final int MAX_RESOLUTIONS = 100;

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityPlanning planning;

	private final ActivityRules rules;

	private final ActivityTally tally;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.chamberlink.organization.DataScopes scopes;

	ActivityMinutes(JdbcClient jdbc, Activities activities, ActivityPlanning planning, ActivityRules rules, ActivityTally tally,
			AuditTrail audit, Clock clock, org.chamberlink.organization.DataScopes scopes) {
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.activities = activities;
		this.planning = planning;
		this.rules = rules;
		this.tally = tally;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records (or records again) the minutes; the activity must have taken place. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Minutes record(Long activityId, String summary, List<Resolution> resolutions) {
		ActivityView activity = planning.locked(activityId);
		if (!activity.status().took()) {
			throw new RuleViolationException("summary", "activity.minutes.notHeld");
		}
		if (activity.status() == ActivityStatus.CLOSED) {
			throw new RuleViolationException("summary", "activity.minutes.closed");
		}
		String text = ActivityInput.required(summary, 20_000, "summary", "field.summary");
		tally.refresh(activityId);
		Attendance attendance = attendance(activity);
		QuorumRule rule = rules.of(activity.orgId());
		Boolean quorum = activity.kind().governance() ? rule.quorum(attendance.present(), attendance.eligible()) : null;
		List<Resolution> given = resolutions == null ? List.of() : resolutions;
		if (given.size() > MAX_RESOLUTIONS) {
			throw new RuleViolationException("resolutions", "activity.minutes.tooManyResolutions", MAX_RESOLUTIONS);
		}
		java.util.ArrayList<Resolution> decided = new java.util.ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Resolution r = given.get(i);
			String field = "resolutions[" + i + "]";
			String resolutionText = ActivityInput.required(r.text(), 500, field + ".text", "field.resolutionText");
			if (r.votesFor() < 0 || r.votesAgainst() < 0 || r.votesAbstain() < 0) {
				throw new RuleViolationException(field + ".votesFor", "activity.minutes.votesNegative");
			}
			if (r.votes() > attendance.present()) {
				throw new RuleViolationException(field + ".votesFor", "activity.minutes.votesExceedPresent", r.votes(),
						attendance.present());
			}
			boolean passed = !Boolean.FALSE.equals(quorum) && rule.passes(r.votesFor(), attendance.present());
			decided.add(new Resolution(resolutionText, r.votesFor(), r.votesAgainst(), r.votesAbstain(), passed));
		}
		jdbc.sql("delete from activity_resolution where activity_id = :id").param("id", activityId).update();
		jdbc.sql("""
				insert into activity_minutes (activity_id, summary, eligible, present, quorum_met, recorded_by, recorded_at)
				values (:id, :summary, :eligible, :present, :quorum, :by, :now)
				on conflict (activity_id) do update set summary = excluded.summary, eligible = excluded.eligible,
				    present = excluded.present, quorum_met = excluded.quorum_met, recorded_by = excluded.recorded_by,
				    recorded_at = excluded.recorded_at, version = activity_minutes.version + 1
				""")
			.param("id", activityId)
			.param("summary", text)
			.param("eligible", activity.kind().governance() ? attendance.eligible() : null)
			.param("present", attendance.present())
			.param("quorum", quorum)
			.param("by", ActivityActor.accountId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		for (int i = 0; i < decided.size(); i++) {
			Resolution r = decided.get(i);
			jdbc.sql("""
					insert into activity_resolution (activity_id, position, text, votes_for, votes_against, votes_abstain, passed)
					values (:id, :position, :text, :for, :against, :abstain, :passed)
					""")
				.param("id", activityId).param("position", i + 1).param("text", r.text()).param("for", r.votesFor())
				.param("against", r.votesAgainst()).param("abstain", r.votesAbstain()).param("passed", r.passed())
				.update();
		}
		jdbc.sql("update activity set has_minutes = true, quorum_met = :quorum, version = version + 1 where id = :id")
			.param("quorum", quorum).param("id", activityId).update();
		audit.record(AuditEntry.of("ACTIVITY_MINUTES_RECORDED").entity("Activity", activityId).org(activity.orgId())
			.summary(activity.title()));
		return find(activityId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Minutes> find(Long activityId) {
		activities.get(activityId);
		List<Resolution> resolutions = jdbc.sql("""
				select text, votes_for, votes_against, votes_abstain, passed from activity_resolution
				where activity_id = :id order by position
				""").param("id", activityId).query(Resolution.class).list();
		return jdbc.sql("""
				select activity_id, summary, eligible, present, quorum_met, recorded_at, version from activity_minutes where activity_id = :id
				""").param("id", activityId)
			.query((rs, n) -> new Minutes(rs.getLong("activity_id"), rs.getString("summary"), (Integer) rs.getObject("eligible"),
					rs.getInt("present"), (Boolean) rs.getObject("quorum_met"), resolutions, rs.getTimestamp("recorded_at").toInstant(),
					rs.getLong("version")))
			.optional();
	}

	/** A resolution passed at one of an organisation's meetings, with the meeting's title and day (China time). */
	public record PassedResolution(Long activityId, String meeting, java.time.LocalDate heldOn, String text) {
	}

	/**
	 * The resolutions passed at the meetings an organisation held between two days (China time),
	 * oldest first: what the organisation's 三公开 disclosure offers to publish. Not found outside the
	 * caller's scope, like an unknown organisation.
	 */
	@Transactional(readOnly = true)
	public List<PassedResolution> passedResolutions(Long orgId, java.time.LocalDate from, java.time.LocalDate to) {
		org.chamberlink.organization.DataScope scope = scopes.current();
		return jdbc.sql("""
				select a.id as activity_id, a.title as meeting, (a.starts_at at time zone 'Asia/Shanghai')::date as held_on, r.text
				from activity a
				join activity_resolution r on r.activity_id = a.id
				where a.org_id = :org and r.passed
				  and a.starts_at >= (cast(:from as date)::timestamp at time zone 'Asia/Shanghai')
				  and a.starts_at < ((cast(:to as date) + 1)::timestamp at time zone 'Asia/Shanghai')
				  and %s
				order by a.starts_at, a.id, r.position
				limit 500
				""".formatted(scope.on("a.org_path"))).param("org", orgId).param("from", from).param("to", to).params(scope.param())
			.query(PassedResolution.class).list();
	}

	/** Who may attend and who of them came; for other activities everyone checked in. */
	public record Attendance(int eligible, int present) {
	}

	@Transactional(readOnly = true)
	public Attendance attendance(ActivityView activity) {
		if (!activity.kind().governance()) {
			int present = jdbc.sql("select count(*) from activity_attendee where activity_id = :id and checked_in_at is not null")
				.param("id", activity.id()).query(Integer.class).single();
			return new Attendance(0, present);
		}
		return jdbc.sql("""
				select count(*) as eligible,
				       count(*) filter (where exists (select 1 from activity_attendee t where t.activity_id = a.id
				                                      and t.party_id = m.party_id and t.checked_in_at is not null)) as present
				from activity a join published_membership m on m.org_id = a.org_id and m.role = any(:roles)
				    and m.joined_on <= :day and (m.left_on is null or m.left_on > :day)
				where a.id = :id
				""")
			.param("id", activity.id())
			.param("roles", activity.kind().eligibleRoles().stream().map(Enum::name).toArray(String[]::new))
			.param("day", activity.startsLocal().toLocalDate())
			.query(Attendance.class)
			.single();
	}

}
