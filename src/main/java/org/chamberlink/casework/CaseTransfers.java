package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing a case to another organisation of the tree. The handling side offers it; the receiving
 * side accepts (the case becomes theirs, accepted, with their time to resolve) or declines (it
 * stays). The trail keeps every offer; the organisations that held the case keep seeing it.
 */
@Service
public class CaseTransfers {

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final TimeLimits limits;

	private final WorkingCalendar calendar;

	private final CaseNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	private final Organizations organizations;

	CaseTransfers(JdbcClient jdbc, CaseRecords records, TimeLimits limits, WorkingCalendar calendar,
			CaseNotices notices, AuditTrail audit, Clock clock, Organizations organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.records = records;
		this.limits = limits;
		this.calendar = calendar;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	/** Offers a case to another organisation: one above the handler, or one in the caller's subtree. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void offer(Long id, Long toOrgId, String reason) {
		CaseRecords.Locked kase = records.lockHandled(id);
		CaseWorkflow.expect(kase, kase.state().open(), "case.closedAlready");
		CaseWorkflow.expect(kase, kase.transferToOrgId() == null, "case.transferPending");
		String why = CaseInput.text(reason, 2000, "reason", "case.reasonRequired");
		if (toOrgId == null || toOrgId.equals(kase.orgId()) || !reachable(kase, toOrgId)) {
			throw new RuleViolationException("toOrgId", "case.transferTarget");
		}
		jdbc.sql("update service_case set transfer_to_org_id = :to, version = version + 1 where id = :id")
			.param("to", toOrgId)
			.param("id", id)
			.update();
		records.hold(id, toOrgId, false);
		records.step(id, CaseAction.TRANSFER_OFFERED, kase.state(), kase.state(), kase.orgId(), toOrgId, why);
		audit.record(AuditEntry.of("CASE_TRANSFER_OFFERED").entity("Case", id).org(kase.orgId()).summary("audit.summary.transferOffered", toOrgId));
	}

	/** The receiving side takes the case: it is theirs, accepted, and its time to resolve starts again. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void accept(Long id, String comment) {
		CaseRecords.Locked kase = records.lockOffered(id);
		CaseWorkflow.expect(kase, kase.state().open(), "case.closedAlready");
		Long to = kase.transferToOrgId();
		String path = organizations.pathUnscoped(to).orElseThrow(() -> new RecordNotFoundException("Organization", to));
		jdbc.sql("""
				update service_case set org_id = :to, org_path = :path, transfer_to_org_id = null,
				    transfers = transfers + 1, state = 'ACCEPTED', accepted_at = coalesce(accepted_at, now()),
				    resolve_due_on = :due, handler_account_id = null, handler_name = null, version = version + 1
				where id = :id
				""")
			.param("to", to)
			.param("path", path)
			.param("due", calendar.addWorkingDays(LocalDate.now(clock), limits.of(path, kase.kind()).resolveDays()))
			.param("id", id)
			.update();
		records.moveTo(id, to);
		Long step = records.step(id, CaseAction.TRANSFER_ACCEPTED, kase.state(), CaseState.ACCEPTED, to, null, comment);
		notices.stateChanged(id, step);
		audit.record(AuditEntry.of("CASE_TRANSFER_ACCEPTED").entity("Case", id).org(to));
	}

	/** The receiving side declines: the case stays where it was. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void decline(Long id, String reason) {
		CaseRecords.Locked kase = records.lockOffered(id);
		CaseWorkflow.expect(kase, kase.state().open(), "case.closedAlready");
		String why = CaseInput.text(reason, 2000, "reason", "case.reasonRequired");
		Long to = kase.transferToOrgId();
		jdbc.sql("update service_case set transfer_to_org_id = null, version = version + 1 where id = :id")
			.param("id", id)
			.update();
		// it no longer sees the case, unless it held it before
		jdbc.sql("""
				delete from case_holder where case_id = :id and org_id = :to
				  and not exists (select 1 from case_step s where s.case_id = :id and s.org_id = :to
				                  and s.action in ('FILED', 'TRANSFER_ACCEPTED'))
				""").param("id", id).param("to", to).update();
		records.step(id, CaseAction.TRANSFER_DECLINED, kase.state(), kase.state(), to, kase.orgId(), why);
		audit.record(AuditEntry.of("CASE_TRANSFER_DECLINED").entity("Case", id).org(to));
	}

	private boolean reachable(CaseRecords.Locked kase, Long toOrgId) {
		// an active organisation above the handler (the handler's path names it), below it (the case's
		// path is the handler's), or in the caller's subtree (the case is in it too)
		return organizations.findActiveUnscoped(toOrgId)
			.map(OrganizationSummary::path)
			.filter(path -> kase.orgPath().startsWith(path) || DataScope.subtree(kase.orgPath()).covers(path)
					|| records.scope().covers(path))
			.isPresent();
	}

}
