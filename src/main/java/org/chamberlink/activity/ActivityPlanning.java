package org.chamberlink.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An activity's course as staff steer it: planned as a draft, changed while it has not taken
 * place, published to its audience, cancelled with a reason, marked held (publishing
 * {@link ActivityHeld}) and closed when its ledger entry is complete. A governance meeting's audience
 * is always those who may attend it: the organiser's own members holding its roles.
 */
@Service
public class ActivityPlanning {

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityTally tally;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ActivityNotices notices;

	private final ActivityFormCheck formCheck;

	ActivityPlanning(JdbcClient jdbc, Activities activities, ActivityTally tally, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, ActivityNotices notices, ActivityFormCheck formCheck) {
		this.notices = notices;
		this.formCheck = formCheck;
		this.jdbc = jdbc;
		this.activities = activities;
		this.tally = tally;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(ActivityForm form) {
		ActivityFormCheck.Checked checked = formCheck.check(form);
		Long id = jdbc.sql("""
				insert into activity (org_id, org_path, kind, title, co_organizer_ids, co_organizer_names, starts_at, ends_at, place,
				    online_link, agenda, capacity, registration_opens_at, registration_closes_at, audience, audience_roles,
				    audience_tiers, audience_org_ids, status, created_by, created_at)
				values (:org, :path, :kind, :title, :coIds, :coNames, :starts, :ends, :place, :link, :agenda, :capacity, :opens,
				    :closes, :audience, :roles, :tiers, :orgIds, 'DRAFT', :by, :now)
				returning id
				""")
			.params(checked.params())
			.param("org", checked.org().id())
			.param("path", checked.org().path())
			.param("by", ActivityActor.accountId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("ACTIVITY_CREATED").entity("Activity", id).org(checked.org().id()).summary(checked.title()));
		return id;
	}

	/** Changes what, when and where while the activity has not taken place; the organiser stays. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void update(Long id, long version, ActivityForm form) {
		ActivityView current = locked(id);
		if (!current.status().editable()) {
			throw new RuleViolationException("status", "activity.notEditable");
		}
		if (current.version() != version) {
			throw new RuleViolationException("version", "activity.changedMeanwhile");
		}
		ActivityFormCheck.Checked checked = formCheck.check(new ActivityForm(current.orgId(), form.kind(), form.title(), form.coOrganizerIds(),
				form.coOrganizerNames(), form.startsAt(), form.endsAt(), form.place(), form.onlineLink(), form.agenda(),
				form.capacity(), form.registrationOpensAt(), form.registrationClosesAt(), form.audience(), form.audienceRoles(),
				form.audienceTiers(), form.audienceOrgIds()));
		if (checked.capacity() != null && checked.capacity() < current.registered()) {
			throw new RuleViolationException("capacity", "activity.capacityBelowRegistered", current.registered());
		}
		jdbc.sql("""
				update activity set kind = :kind, title = :title, co_organizer_ids = :coIds, co_organizer_names = :coNames,
				    starts_at = :starts, ends_at = :ends, place = :place, online_link = :link, agenda = :agenda, capacity = :capacity,
				    registration_opens_at = :opens, registration_closes_at = :closes, audience = :audience, audience_roles = :roles,
				    audience_tiers = :tiers, audience_org_ids = :orgIds, version = version + 1
				where id = :id
				""").params(checked.params()).param("id", id).update();
		audit.record(AuditEntry.of("ACTIVITY_UPDATED").entity("Activity", id).org(current.orgId()).summary(checked.title()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void publish(Long id) {
		ActivityView current = locked(id);
		if (current.status() != ActivityStatus.DRAFT) {
			throw new RuleViolationException("status", "activity.publishOnlyDraft");
		}
		if (!current.endsAt().isAfter(clock.instant())) {
			throw new RuleViolationException("endsAt", "activity.publishPast");
		}
		setStatus(id, ActivityStatus.PUBLISHED, null);
		notices.invite(current);
		audit.record(AuditEntry.of("ACTIVITY_PUBLISHED").entity("Activity", id).org(current.orgId()).summary(current.title()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void cancel(Long id, String reason) {
		ActivityView current = locked(id);
		if (!current.status().editable()) {
			throw new RuleViolationException("status", "activity.cancelOnlyPlanned");
		}
		String why = ActivityInput.required(reason, 300, "cancelReason", "field.cancelReason");
		setStatus(id, ActivityStatus.CANCELLED, why);
		notices.cancelled(current, why);
		audit.record(AuditEntry.of("ACTIVITY_CANCELLED").entity("Activity", id).org(current.orgId()).summary(why));
	}

	/**
	 * Records that the activity took place: from its start on, and only once. A draft whose start has
	 * passed may be marked held too: an activity of the paper ledger entered afterwards (its
	 * attendance then ticked from the sheet), so the year's ledger and figures are complete.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void markHeld(Long id) {
		ActivityView current = locked(id);
		if (!current.status().editable()) {
			throw new RuleViolationException("status", "activity.holdOnlyPublished");
		}
		if (clock.instant().isBefore(current.startsAt())) {
			throw new RuleViolationException("status", "activity.holdBeforeStart");
		}
		held(current);
		audit.record(AuditEntry.of("ACTIVITY_HELD").entity("Activity", id).org(current.orgId()).summary(current.title()));
	}

	/** The ledger entry is complete (attendance and minutes): nothing more is recorded. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void close(Long id) {
		ActivityView current = locked(id);
		if (current.status() != ActivityStatus.HELD) {
			throw new RuleViolationException("status", "activity.closeOnlyHeld");
		}
		setStatus(id, ActivityStatus.CLOSED, null);
		audit.record(AuditEntry.of("ACTIVITY_CLOSED").entity("Activity", id).org(current.orgId()).summary(current.title()));
	}

	/**
	 * The published activities whose end passed took place unless staff cancelled them: mark them
	 * held (the daily sweep), so figures and the ledger never wait for a click that nobody makes.
	 */
	@Transactional
	public int markPastActivitiesHeld() {
		List<ActivityView> past = jdbc.sql(ActivityView.COLUMNS + " where a.status = 'PUBLISHED' and a.ends_at < :now for update of a")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(ActivityView.MAPPER)
			.list();
		past.forEach(this::held);
		return past.size();
	}

	private void held(ActivityView activity) {
		setStatus(activity.id(), ActivityStatus.HELD, null);
		ActivityTally.Counts counts = tally.refresh(activity.id());
		LocalDate heldOn = activity.startsLocal().toLocalDate();
		events.publishEvent(new ActivityHeld(activity.id(), activity.orgId(), activity.orgPath(), activity.kind(), heldOn,
				counts.attended(), counts.membersAttended()));
	}

	private void setStatus(Long id, ActivityStatus status, String reason) {
		jdbc.sql("update activity set status = :status, cancel_reason = :reason, version = version + 1 where id = :id")
			.param("status", status.name())
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	/** The activity in the caller's scope, its row locked for the change. */
	ActivityView locked(Long id) {
		ActivityView activity = activities.get(id);
		jdbc.sql("select id from activity where id = :id for update").param("id", id).query(Long.class).single();
		return activities.get(activity.id());
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
