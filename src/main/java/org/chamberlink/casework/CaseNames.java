package org.chamberlink.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.chamberlink.member.PartyDirectory;
import org.chamberlink.organization.Organizations;

import org.springframework.stereotype.Component;

/**
 * The names on cases and their trails, which casework keeps by id: the organisations' asked of
 * the organisation module and the members' of the member module, one batch each per page or
 * trail (decision 0029), so casework's SQL names no table of theirs. Unscoped: the caller has
 * read the case within its scope (or as the member it belongs to), and these names are what the
 * case's page shows.
 */
@Component
class CaseNames {

	/** A trail step as stored: the organisations by id. */
	record StepRow(Long id, CaseAction action, CaseState fromState, CaseState toState, Long orgId, Long targetOrgId,
			String actor, String comment, Instant at) {
	}

	private final Organizations organizations;

	private final PartyDirectory parties;

	CaseNames(Organizations organizations, PartyDirectory parties) {
		this.organizations = organizations;
		this.parties = parties;
	}

	List<CaseView> of(List<CaseView> cases) {
		if (cases.isEmpty()) {
			return cases;
		}
		Map<Long, String> orgs = organizations.namesUnscoped(ids(cases.stream()
			.flatMap(c -> Stream.of(c.orgId(), c.transferToOrgId()))));
		Map<Long, String> members = parties.partyNamesByIdUnscoped(ids(cases.stream().map(CaseView::partyId)));
		return cases.stream()
			.map(c -> c.withNames(orgs.get(c.orgId()), name(orgs, c.transferToOrgId()), name(members, c.partyId())))
			.toList();
	}

	Optional<CaseView> of(Optional<CaseView> found) {
		return found.map(c -> of(List.of(c)).get(0));
	}

	List<CaseStep> steps(List<StepRow> steps) {
		Map<Long, String> orgs = organizations.namesUnscoped(ids(steps.stream()
			.flatMap(s -> Stream.of(s.orgId(), s.targetOrgId()))));
		return steps.stream()
			.map(s -> new CaseStep(s.id(), s.action(), s.fromState(), s.toState(), orgs.get(s.orgId()),
					name(orgs, s.targetOrgId()), s.actor(), s.comment(), s.at()))
			.toList();
	}

	private static List<Long> ids(Stream<Long> ids) {
		return ids.filter(Objects::nonNull).distinct().toList();
	}

	private static String name(Map<Long, String> names, Long id) {
		return id == null ? null : names.get(id);
	}

}
