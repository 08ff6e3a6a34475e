package org.chamberlink.activity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An activity as staff plan it. Times are China time as typed; without a registration window,
 * registration opens when the activity is published and closes at its start.
 *
 * @param coOrganizerIds other organisations of the tree that co-organise it
 * @param coOrganizerNames outside bodies that co-organise it, by name (e.g. 市司法局)
 * @param capacity seats; none for no limit
 * @param audienceRoles with {@link Audience#CHOSEN}: only members holding one of these roles (none: any role)
 * @param audienceTiers with {@link Audience#CHOSEN}: only members of these tiers (none: any tier)
 * @param audienceOrgIds with {@link Audience#CHOSEN}: only members of these organisations (none: the whole subtree)
 */
public record ActivityForm(Long orgId, ActivityKind kind, String title, List<Long> coOrganizerIds, String coOrganizerNames,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt, String place, String onlineLink, String agenda,
		Integer capacity, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime registrationOpensAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime registrationClosesAt, Audience audience, Set<MemberRole> audienceRoles,
		Set<Tier> audienceTiers, List<Long> audienceOrgIds) {

	public ActivityForm {
		coOrganizerIds = coOrganizerIds == null ? List.of() : coOrganizerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		audienceRoles = audienceRoles == null ? Set.of() : Set.copyOf(audienceRoles);
		audienceTiers = audienceTiers == null ? Set.of() : Set.copyOf(audienceTiers);
		audienceOrgIds = audienceOrgIds == null ? List.of() : audienceOrgIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	/** The form filled with an activity, for editing it. */
	public static ActivityForm of(ActivityView a) {
		return new ActivityForm(a.orgId(), a.kind(), a.title(), a.coOrganizerIds(), a.coOrganizerNames(), a.startsLocal(), a.endsLocal(),
				a.place(), a.onlineLink(), a.agenda(), a.capacity(),
				a.registrationOpensAt() == null ? null : org.chamberlink.shared.ChinaTime.of(a.registrationOpensAt()),
				a.registrationClosesAt() == null ? null : org.chamberlink.shared.ChinaTime.of(a.registrationClosesAt()), a.audience(),
				a.audienceRoles(), a.audienceTiers(), a.audienceOrgIds());
	}

	/** A training of an organisation for its whole subtree, the simplest activity there is. */
	public static ActivityForm of(Long orgId, ActivityKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
			Integer capacity) {
		return new ActivityForm(orgId, kind, title, List.of(), null, startsAt, endsAt, place, null, null, capacity, null, null,
				Audience.SUBTREE, Set.of(), Set.of(), List.of());
	}

}
