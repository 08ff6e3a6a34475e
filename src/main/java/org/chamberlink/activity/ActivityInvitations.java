package org.chamberlink.activity;

import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitation list of an activity for invited members only: staff add current members of the
 * organiser's subtree and take them off again; once the activity is published, a member added is
 * invited at once (the others were when it was published).
 */
@Service
public class ActivityInvitations {

	/** A member on the invitation list. */
	public record Invitee(Long membershipId, Long partyId, String name, Long orgId) {
	}

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityPlanning planning;

	private final ActivityNotices notices;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	ActivityInvitations(JdbcClient jdbc, Activities activities, ActivityPlanning planning, ActivityNotices notices, AuditTrail audit,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.planning = planning;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void add(Long activityId, Long membershipId) {
		ActivityView activity = planning.locked(activityId);
		if (activity.audience() != Audience.INVITED || !activity.status().editable()) {
			throw new RuleViolationException("membershipId", "activity.invitation.notInvitationList");
		}
		// a current member of the organiser's subtree; anything else answers as unknown
		Long party = jdbc.sql("""
				select m.party_id from activity a join published_membership m on m.membership_id = :membership
				    and m.org_path like a.org_path || '%' and m.joined_on <= :today and (m.left_on is null or m.left_on > :today)
				where a.id = :activity
				""")
			.param("membership", membershipId)
			.param("activity", activityId)
			.param("today", ActivityPlanning.today(clock))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RuleViolationException("membershipId", "activity.invitation.notAMember"));
		int added = jdbc.sql("insert into activity_invitee (activity_id, membership_id) values (:a, :m) on conflict do nothing")
			.param("a", activityId).param("m", membershipId).update();
		if (added > 0 && activity.status() == ActivityStatus.PUBLISHED) {
			notices.invited(activity, party);
		}
		audit.record(AuditEntry.of("ACTIVITY_INVITED").entity("Activity", activityId).org(activity.orgId()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void remove(Long activityId, Long membershipId) {
		ActivityView activity = planning.locked(activityId);
		jdbc.sql("delete from activity_invitee where activity_id = :a and membership_id = :m").param("a", activityId)
			.param("m", membershipId).update();
		audit.record(AuditEntry.of("ACTIVITY_UNINVITED").entity("Activity", activityId).org(activity.orgId()));
	}

	@Transactional(readOnly = true)
	public List<Invitee> of(Long activityId) {
		activities.get(activityId);
		return jdbc.sql("""
				select i.membership_id, m.party_id, m.party_name as name, m.org_id
				from activity_invitee i join published_membership m on m.membership_id = i.membership_id
				where i.activity_id = :a order by m.party_name
				""").param("a", activityId).query(Invitee.class).list();
	}

}
