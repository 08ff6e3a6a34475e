package org.chamberlink.casework;

import java.time.LocalDate;

/** A visit as lists show it, with the number of needs raised during it. */
public record VisitView(Long id, Long orgId, String orgName, Long partyId, String partyName, int planYear,
		int planQuarter, String state, String visitors, String purpose, LocalDate visitedOn, String findings,
		long needsRaised) {

	static final String COLUMNS = """
			select v.id, v.org_id, o.name as org_name, v.party_id, p.name as party_name, v.plan_year, v.plan_quarter,
			       v.state, v.visitors, v.purpose, v.visited_on, v.findings,
			       (select count(*) from service_case c where c.visit_id = v.id) as needs_raised
			from visit v join organization o on o.id = v.org_id join party p on p.id = v.party_id
			""";

}
