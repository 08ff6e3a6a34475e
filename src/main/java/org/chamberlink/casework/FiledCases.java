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

	/**
	 * The case's row, received now or, entered after the fact, on {@code receivedOn} (its filing
	 * time the start of that day in China, the time to accept counted from it, the entry's own time
	 * kept as {@code entered_at}).
	 */
	Long insert(CaseKind kind, CaseCategory category, CaseChannel channel, OrganizationSummary org, String title,
			String description, Long partyId, Long visitId, LocalDate receivedOn) {
		int acceptDays = limits.of(org.path(), kind).acceptDays();
		return jdbc.sql("""
				insert into service_case (kind, category, state, channel, org_id, org_path, title, description, party_id,
				    visit_id, filed_by, filed_at, accept_due_on, entered_at)
				values (:kind, :category, 'SUBMITTED', :channel, :org, :path, :title, :description, :party, :visit, :by,
				    coalesce(cast(:filedAt as timestamptz), now()), :acceptDue, :enteredAt)
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
			.param("filedAt", receivedOn == null ? null : startOf(receivedOn))
			.param("acceptDue", calendar.addWorkingDays(receivedOn == null ? LocalDate.now(clock) : receivedOn, acceptDays))
			.param("enteredAt", receivedOn == null ? null : java.time.OffsetDateTime.now(clock))
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

	/** The start of a day in China: when a case entered after the fact was received or closed. */
	static java.time.OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(org.chamberlink.shared.ChinaTime.ZONE).toOffsetDateTime();
	}

	/** The category, refused unless it is one of the kind's. */
	static CaseCategory category(CaseKind kind, CaseCategory category) {
		if (category == null || category.kind() != kind) {
			throw new RuleViolationException("category", "case.categoryRequired");
		}
		return category;
	}

}
