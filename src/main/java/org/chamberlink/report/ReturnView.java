package org.chamberlink.report;

import java.time.Instant;
import java.time.LocalDate;

/** A return as pages and the API show it. */
public record ReturnView(Long id, Long orgId, String orgPath, String orgName, Long parentId, int year, LocalDate asOf,
		ReturnStatus status, String returnReason, Instant prefilledAt, Instant submittedAt, Instant acceptedAt) {

	static final String COLUMNS = """
			select r.id, r.org_id, r.org_path, r.org_name, r.parent_id, r.year, r.as_of, r.status, r.return_reason,
			       r.prefilled_at, r.submitted_at, r.accepted_at
			from report_return r
			""";

}
