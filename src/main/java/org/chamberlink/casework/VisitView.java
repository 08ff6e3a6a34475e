package org.chamberlink.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.member.PartyDirectory;
import org.chamberlink.organization.Organizations;

/** A visit as lists show it, with the number of needs raised during it. */
public record VisitView(Long id, Long orgId, String orgName, Long partyId, String partyName, int planYear,
		int planQuarter, String state, String visitors, String purpose, LocalDate visitedOn, String findings,
		long needsRaised, String createdBy, Instant enteredAt) {

	// the organisation's and the member's names come from their modules, one batch per list
	static final String COLUMNS = """
			select v.id, v.org_id, null as org_name, v.party_id, null as party_name, v.plan_year, v.plan_quarter,
			       v.state, v.visitors, v.purpose, v.visited_on, v.findings,
			       (select count(*) from service_case c where c.visit_id = v.id) as needs_raised, v.created_by,
			       v.entered_at
			from visit v
			""";

	/** Entered after the fact (补录) from a paper ledger; {@link #enteredAt} says when, {@link #createdBy} by whom. */
	public boolean backdated() {
		return enteredAt != null;
	}

	/** When a visit entered after the fact was typed in, in China's time; null for one planned and completed here. */
	public java.time.LocalDateTime enteredAtLocal() {
		return org.chamberlink.shared.ChinaTime.of(enteredAt);
	}

	/** The visits with their organisations' and members' names. */
	static List<VisitView> named(List<VisitView> visits, Organizations organizations, PartyDirectory parties) {
		if (visits.isEmpty()) {
			return visits;
		}
		Map<Long, String> orgs = organizations.namesUnscoped(visits.stream().map(VisitView::orgId).toList());
		Map<Long, String> names = parties.partyNamesByIdUnscoped(visits.stream().map(VisitView::partyId).toList());
		return visits.stream()
			.map(v -> new VisitView(v.id, v.orgId, orgs.get(v.orgId), v.partyId, names.get(v.partyId), v.planYear,
					v.planQuarter, v.state, v.visitors, v.purpose, v.visitedOn, v.findings, v.needsRaised, v.createdBy,
					v.enteredAt))
			.toList();
	}

}
