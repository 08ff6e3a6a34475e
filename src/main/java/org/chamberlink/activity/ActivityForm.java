package org.chamberlink.activity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;

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
		LocalDateTime startsAt, LocalDateTime endsAt, String place, String onlineLink, String agenda, Integer capacity,
		LocalDateTime registrationOpensAt, LocalDateTime registrationClosesAt, Audience audience, Set<MemberRole> audienceRoles,
		Set<Tier> audienceTiers, List<Long> audienceOrgIds) {

	public ActivityForm {
		coOrganizerIds = coOrganizerIds == null ? List.of() : coOrganizerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		audienceRoles = audienceRoles == null ? Set.of() : Set.copyOf(audienceRoles);
		audienceTiers = audienceTiers == null ? Set.of() : Set.copyOf(audienceTiers);
		audienceOrgIds = audienceOrgIds == null ? List.of() : audienceOrgIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	/** A training of an organisation for its whole subtree, the simplest activity there is. */
	public static ActivityForm of(Long orgId, ActivityKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
			Integer capacity) {
		return new ActivityForm(orgId, kind, title, List.of(), null, startsAt, endsAt, place, null, null, capacity, null, null,
				Audience.SUBTREE, Set.of(), Set.of(), List.of());
	}

}
