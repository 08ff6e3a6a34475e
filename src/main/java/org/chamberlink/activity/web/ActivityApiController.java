package org.chamberlink.activity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityFilter;
import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityInvitations;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.ActivityStatus;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;
import org.chamberlink.activity.AttendeeStatus;
import org.chamberlink.activity.CheckInOutcome;
import org.chamberlink.activity.CheckInWay;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.PageSizes;
import org.chamberlink.shared.RuleViolationException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activities over the API: the same rules, scope and refusals (RFC 9457, 422 with the field) as the pages. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "activities", description = "活动、报名、签到 / activities, registration, check-in")
class ActivityApiController {

	record Change(long version, ActivityForm activity) {
	}

	record Cancellation(String reason) {
	}

	record Registration(Long membershipId) {
	}

	record Registered(AttendeeStatus status) {
	}

	record Guest(String name, String phone, Boolean checkIn) {
	}

	/** Who to check in: someone on the list (attendeeId, optionally ticked from the sheet) or a member of the audience. */
	record CheckIn(Long attendeeId, Long membershipId, CheckInWay way) {
	}

	record Code(String code, String url) {
	}

	private final Activities activities;

	private final ActivityPlanning planning;

	private final ActivityRegistrations registrations;

	private final ActivityCheckIns checkIns;

	private final ActivityInvitations invitations;

	ActivityApiController(Activities activities, ActivityPlanning planning, ActivityRegistrations registrations,
			ActivityCheckIns checkIns, ActivityInvitations invitations) {
		this.activities = activities;
		this.planning = planning;
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.invitations = invitations;
	}

	@GetMapping
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The activities of the caller's subtree (or an organisation's), newest first; from/to are start dates in China time")
	Page<ActivityView> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(required = false) ActivityStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "0") int page) {
		return activities.search(new ActivityFilter(orgId, kind, status, from, to, keyword),
				PageRequest.of(Math.max(page, 0), PageSizes.LIST));
	}

	@PostMapping
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Plans an activity as a draft; times are China time (2026-12-05T09:00)")
	ResponseEntity<ActivityView> create(@RequestBody ActivityForm form) {
		Long id = planning.create(form);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(activities.get(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(RoleGroups.READERS)
	ActivityView get(@PathVariable Long id) {
		return activities.get(id);
	}

	@PutMapping("/{id}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Changes an activity not yet held; version is the one read (a change meanwhile is refused)")
	ActivityView update(@PathVariable Long id, @RequestBody Change change) {
		if (change.activity() == null) {
			throw new RuleViolationException("activity", "activity.changeRequired");
		}
		planning.update(id, change.version(), change.activity());
		return activities.get(id);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(RoleGroups.WORKERS)
	ActivityView publish(@PathVariable Long id) {
		planning.publish(id);
		return activities.get(id);
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(RoleGroups.WORKERS)
	ActivityView cancel(@PathVariable Long id, @RequestBody Cancellation cancellation) {
		planning.cancel(id, cancellation.reason());
		return activities.get(id);
	}

	@PostMapping("/{id}/held")
	@PreAuthorize(RoleGroups.WORKERS)
	ActivityView held(@PathVariable Long id) {
		planning.markHeld(id);
		return activities.get(id);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(RoleGroups.WORKERS)
	ActivityView close(@PathVariable Long id) {
		planning.close(id);
		return activities.get(id);
	}

	@GetMapping("/{id}/attendees")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Everyone on the list: registered, waiting (in order), withdrawn; guests' phones masked")
	List<Attendee> attendees(@PathVariable Long id) {
		return registrations.attendees(id);
	}

	@PostMapping("/{id}/registrations")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Registers a member of the audience: REGISTERED, or WAITLISTED when full")
	Registered register(@PathVariable Long id, @RequestBody Registration registration) {
		return new Registered(registrations.register(id, registration.membershipId()));
	}

	@DeleteMapping("/{id}/attendees/{attendeeId}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Withdraws a registration before the start; the first waiting moves up")
	ResponseEntity<Void> withdraw(@PathVariable Long id, @PathVariable Long attendeeId) {
		registrations.cancel(id, attendeeId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/guests")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Adds a guest (not a member) by name and mobile phone, checked in at once when checkIn is true")
	ResponseEntity<Void> guest(@PathVariable Long id, @RequestBody Guest guest) {
		if (Boolean.TRUE.equals(guest.checkIn())) {
			checkIns.checkInWalkInGuest(id, guest.name(), guest.phone());
		}
		else {
			registrations.registerGuest(id, guest.name(), guest.phone());
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/check-ins")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Checks in someone on the list or a member of the audience; twice answers already=true with the first time")
	CheckInOutcome checkIn(@PathVariable Long id, @RequestBody CheckIn checkIn) {
		if (checkIn.attendeeId() != null) {
			return checkIns.checkIn(id, checkIn.attendeeId(), checkIn.way());
		}
		return checkIns.checkInMember(id, checkIn.membershipId());
	}

	@GetMapping("/{id}/check-in-code")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The activity's signed check-in code and the path its QR code opens")
	Code code(@PathVariable Long id) {
		String code = checkIns.code(id);
		return new Code(code, "/checkin/" + id + "?code=" + code);
	}

	@GetMapping("/{id}/invitees")
	@PreAuthorize(RoleGroups.READERS)
	List<ActivityInvitations.Invitee> invitees(@PathVariable Long id) {
		return invitations.of(id);
	}

	@PostMapping("/{id}/invitees")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Void> invite(@PathVariable Long id, @RequestBody Registration invitee) {
		invitations.add(id, invitee.membershipId());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/invitees/{membershipId}")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Void> uninvite(@PathVariable Long id, @PathVariable Long membershipId) {
		invitations.remove(id, membershipId);
		return ResponseEntity.noContent().build();
	}

}
