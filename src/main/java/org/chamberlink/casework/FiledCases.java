package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a new case however it is filed ({@link CaseFiling} by staff, {@link PortalCaseFiling} by a
 * member): its row, due for acceptance in the handling organisation's working days, then the
 * organisation's hold on it, the first step of its trail, the member's notice and the audit entry.
 */
@Component
class FiledCases {

	private final JdbcClient jdbc;

	private final TimeLimits limits;

	private final WorkingCalendar calendar;

	private final CaseRecords records;

	private final CaseNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	FiledCases(JdbcClient jdbc, TimeLimits limits, WorkingCalendar calendar, CaseRecords records, CaseNotices notices,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.calendar = calendar;
		this.records = records;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	Long insert(CaseKind kind, CaseCategory category, CaseChannel channel, OrganizationSummary org, String title,
			String description, Long partyId, Long visitId) {
		int acceptDays = limits.of(org.path(), kind).acceptDays();
		return jdbc.sql("""
				insert into service_case (kind, category, state, channel, org_id, org_path, title, description, party_id,
				    visit_id, filed_by, accept_due_on)
				values (:kind, :category, 'SUBMITTED', :channel, :org, :path, :title, :description, :party, :visit, :by,
				    :acceptDue)
				returning id
				""")
			.param("kind", kind.name())
			.param("category", category.name())
			.param("channel", channel.name())
			.param("org", org.id())
			.param("path", org.path())
			.param("title", title)
			.param("description", description)
			.param("party", partyId)
			.param("visit", visitId)
			.param("by", CaseRecords.actor())
			.param("acceptDue", calendar.addWorkingDays(LocalDate.now(clock), acceptDays))
			.query(Long.class)
			.single();
	}

	/** The case is filed: held by its organisation, the FILED step written and told, audited. */
	void filed(Long id, Long orgId, String comment) {
		records.hold(id, orgId, true);
		Long step = records.step(id, CaseAction.FILED, null, CaseState.SUBMITTED, orgId, null, comment);
		notices.stateChanged(id, step);
		audit.record(AuditEntry.of("CASE_FILED").entity("Case", id).org(orgId));
	}

	/** The category, refused unless it is one of the kind's. */
	static CaseCategory category(CaseKind kind, CaseCategory category) {
		if (category == null || category.kind() != kind) {
			throw new RuleViolationException("category", "case.categoryRequired");
		}
		return category;
	}

}
