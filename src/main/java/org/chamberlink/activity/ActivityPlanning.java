package org.chamberlink.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
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

	private final Organizations organizations;

	private final ActivityTally tally;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ActivityNotices notices;

	ActivityPlanning(JdbcClient jdbc, Activities activities, Organizations organizations, ActivityTally tally, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, ActivityNotices notices) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.activities = activities;
		this.organizations = organizations;
		this.tally = tally;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(ActivityForm form) {
		Checked checked = check(form);
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
		Checked checked = check(new ActivityForm(current.orgId(), form.kind(), form.title(), form.coOrganizerIds(),
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

	private record Checked(OrganizationSummary org, String title, Integer capacity, java.util.Map<String, Object> params) {
	}

	private Checked check(ActivityForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "activity.orgRequired");
		}
		OrganizationSummary org = organizations.get(form.orgId());
		if (!"ACTIVE".equals(org.status())) {
			throw new RecordNotFoundException("Organization", form.orgId());
		}
		if (form.kind() == null) {
			throw new RuleViolationException("kind", "activity.kindRequired");
		}
		String title = ActivityInput.required(form.title(), 200, "title", "field.title");
		Instant starts = ActivityInput.moment(form.startsAt(), "startsAt", true);
		Instant ends = ActivityInput.moment(form.endsAt(), "endsAt", true);
		if (!ends.isAfter(starts)) {
			throw new RuleViolationException("endsAt", "activity.endsBeforeStart");
		}
		String place = ActivityInput.optional(form.place(), 300, "place", "field.place");
		String link = ActivityInput.optional(form.onlineLink(), 500, "onlineLink", "field.onlineLink");
		if (link != null && !link.matches("(?i)https?://\\S+")) {
			throw new RuleViolationException("onlineLink", "activity.onlineLinkInvalid");
		}
		if (place == null && link == null) {
			throw new RuleViolationException("place", "activity.placeRequired");
		}
		if (form.capacity() != null && (form.capacity() < 1 || form.capacity() > 100_000)) {
			throw new RuleViolationException("capacity", "activity.capacityInvalid");
		}
		Instant opens = ActivityInput.moment(form.registrationOpensAt(), "registrationOpensAt", false);
		Instant closes = ActivityInput.moment(form.registrationClosesAt(), "registrationClosesAt", false);
		if (closes != null && closes.isAfter(ends)) {
			throw new RuleViolationException("registrationClosesAt", "activity.registrationClosesAfterEnd");
		}
		if (opens != null && (closes != null ? !opens.isBefore(closes) : !opens.isBefore(starts))) {
			throw new RuleViolationException("registrationOpensAt", "activity.registrationOpensAfterClose");
		}
		for (Long co : form.coOrganizerIds()) {
			if (co.equals(org.id())) {
				throw new RuleViolationException("coOrganizerIds", "activity.coOrganizerIsOrganizer");
			}
			organizations.get(co);
		}
		Audience audience = form.audience() == null ? Audience.SUBTREE : form.audience();
		Set<MemberRole> roles = form.audienceRoles();
		Set<Tier> tiers = form.audienceTiers();
		List<Long> orgIds = form.audienceOrgIds();
		if (form.kind().governance()) {
			audience = Audience.CHOSEN;
			roles = form.kind().eligibleRoles();
			tiers = Set.of();
			orgIds = List.of(org.id());
		}
		else if (audience != Audience.CHOSEN) {
			roles = Set.of();
			tiers = Set.of();
			orgIds = List.of();
		}
		else {
			for (Long audienceOrg : orgIds) {
				if (!organizations.get(audienceOrg).path().startsWith(org.path())) {
					throw new RuleViolationException("audienceOrgIds", "activity.audienceOutsideOrganizer");
				}
			}
		}
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("kind", form.kind().name());
		params.put("title", title);
		params.put("coIds", form.coOrganizerIds().toArray(Long[]::new));
		params.put("coNames", ActivityInput.optional(form.coOrganizerNames(), 300, "coOrganizerNames", "field.coOrganizerNames"));
		params.put("starts", java.sql.Timestamp.from(starts));
		params.put("ends", java.sql.Timestamp.from(ends));
		params.put("place", place);
		params.put("link", link);
		params.put("agenda", ActivityInput.optional(form.agenda(), 10_000, "agenda", "field.agenda"));
		params.put("capacity", form.capacity());
		params.put("opens", opens == null ? null : java.sql.Timestamp.from(opens));
		params.put("closes", closes == null ? null : java.sql.Timestamp.from(closes));
		params.put("audience", audience.name());
		params.put("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new));
		params.put("tiers", tiers.stream().map(Enum::name).sorted().toArray(String[]::new));
		params.put("orgIds", orgIds.toArray(Long[]::new));
		return new Checked(org, title, form.capacity(), params);
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
