package org.chamberlink.activity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Component;

/**
 * What a planned activity may hold: organiser in scope and active, times in order, a place or a
 * link, a sensible capacity and registration window, co-organisers and a chosen audience inside the
 * organiser's subtree. A governance meeting's audience is always the organiser's own members holding
 * its roles, whatever the form said.
 */
@Component
class ActivityFormCheck {

	/** A form that passed, with the organiser and what the insert or update statement binds. */
	record Checked(OrganizationSummary org, String title, Integer capacity, java.util.Map<String, Object> params) {
	}

	private final Organizations organizations;

	ActivityFormCheck(Organizations organizations) {
		this.organizations = organizations;
	}


	/** The form checked field by field (the first refusal names its field) and turned into the statement's parameters. */
	Checked check(ActivityForm form) {
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

}
