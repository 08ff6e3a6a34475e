package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountManagement.AccountSummary;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling organisation works a case: accept (the time to resolve starts) or reject, assign a
 * handler, start, add notes, then resolve or close without result. Each step is refused unless
 * the case is in a state that allows it, and each is written to the trail and told to the member.
 */
@Service
public class CaseWorkflow {

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final TimeLimits limits;

	private final WorkingCalendar calendar;

	private final AccountManagement accounts;

	private final CaseNotices notices;

	private final CaseClosing closing;

	private final AuditTrail audit;

	private final Clock clock;

	CaseWorkflow(JdbcClient jdbc, CaseRecords records, TimeLimits limits, WorkingCalendar calendar,
			AccountManagement accounts, CaseNotices notices, CaseClosing closing, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.limits = limits;
		this.calendar = calendar;
		this.accounts = accounts;
		this.notices = notices;
		this.closing = closing;
		this.audit = audit;
		this.clock = clock;
	}

	/** Accepts a submitted case, optionally assigning its handler at once. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void accept(Long id, Long handlerAccountId, String comment) {
		CaseRecords.Locked kase = records.lockHandled(id);
		expect(kase, kase.state() == CaseState.SUBMITTED, "case.acceptOnlySubmitted");
		jdbc.sql("update service_case set state = 'ACCEPTED', accepted_at = now(), resolve_due_on = :due, "
				+ "version = version + 1 where id = :id")
			.param("due", calendar.addWorkingDays(LocalDate.now(clock), limits.of(kase.orgPath(), kase.kind()).resolveDays()))
			.param("id", id)
			.update();
		Long step = records.step(id, CaseAction.ACCEPTED, kase.state(), CaseState.ACCEPTED, kase.orgId(), null, comment);
		notices.stateChanged(id, step);
		if (handlerAccountId != null) {
			assignTo(records.lockHandled(id), handlerAccountId, null);
		}
		audit.record(AuditEntry.of("CASE_ACCEPTED").entity("Case", id).org(kase.orgId()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void reject(Long id, String reason) {
		closing.reject(records.lockHandled(id), reason);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void assign(Long id, Long handlerAccountId, String comment) {
		assign(id, handlerAccountId, comment, null);
	}

	/**
	 * Gives the case its handler, unless the case changed since the form showing {@code version} was
	 * drawn (another worker assigned someone meanwhile): then {@link CaseChangedException}, nothing
	 * written. A null version assigns whatever the case holds now.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void assign(Long id, Long handlerAccountId, String comment, Long version) {
		CaseRecords.Locked kase = records.lockHandled(id);
		expectVersion(id, version);
		expect(kase, kase.state().open(), "case.closedAlready");
		if (handlerAccountId == null) {
			throw new RuleViolationException("handlerAccountId", "case.handlerRequired");
		}
		assignTo(kase, handlerAccountId, comment);
	}

	/** Names the legal counsel (法律顾问) who takes a complaint or mediation; blank clears it. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void assignCounsel(Long id, String counselName) {
		assignCounsel(id, counselName, null);
	}

	/** Names the counsel unless the case changed since the form showing {@code version} was drawn. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void assignCounsel(Long id, String counselName, Long version) {
		CaseRecords.Locked kase = records.lockHandled(id);
		expectVersion(id, version);
		expect(kase, kase.state().open(), "case.closedAlready");
		String name = CaseInput.optional(counselName, 100, "counselName", "case.counsel");
		jdbc.sql("update service_case set counsel_name = :name, version = version + 1 where id = :id")
			.param("name", name).param("id", id).update();
		records.step(id, CaseAction.COUNSEL, kase.state(), kase.state(), kase.orgId(), null, name == null ? "—" : name);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void start(Long id, String comment) {
		CaseRecords.Locked kase = records.lockHandled(id);
		expect(kase, kase.state() == CaseState.ACCEPTED, "case.startOnlyAccepted");
		records.changeState(id, CaseState.IN_PROGRESS);
		notices.stateChanged(id,
				records.step(id, CaseAction.STARTED, kase.state(), CaseState.IN_PROGRESS, kase.orgId(), null, comment));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void note(Long id, String comment) {
		CaseRecords.Locked kase = records.lockHandled(id);
		String text = CaseInput.text(comment, 2000, "comment", "case.commentRequired");
		records.step(id, CaseAction.NOTE, kase.state(), kase.state(), kase.orgId(), null, text);
	}

	/**
	 * Resolves an accepted case. A complaint may record the amount recovered; a mediation resolves
	 * only by agreement, with its terms and the signed document (given here or attached before).
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void resolve(Long id, ResolveForm form, Upload agreement) {
		closing.resolve(records.lockHandled(id), form, agreement);
	}

	/** Closes an accepted case without result; a mediation names how it ended (failed, referred to court). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void closeUnresolved(Long id, String reason, MediationResult mediationResult) {
		closing.closeUnresolved(records.lockHandled(id), reason, mediationResult);
	}

	private void assignTo(CaseRecords.Locked kase, Long accountId, String comment) {
		AccountSummary handler = accounts.inOrganization(kase.orgId())
			.stream()
			.filter(account -> account.id().equals(accountId) && canHandle(account))
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("handlerAccountId", "case.handlerNotInOrganization"));
		jdbc.sql("update service_case set handler_account_id = :account, handler_name = :name, version = version + 1 "
				+ "where id = :id").param("account", handler.id()).param("name", handler.displayName())
			.param("id", kase.id()).update();
		Long step = records.step(kase.id(), CaseAction.ASSIGNED, kase.state(), kase.state(), kase.orgId(), null,
				handler.displayName() + (comment == null || comment.isBlank() ? "" : "：" + comment.strip()));
		notices.assigned(kase.id(), step, handler.id(), jdbc.sql("select resolve_due_on from service_case where id = :id")
			.param("id", kase.id()).query(java.time.LocalDate.class).optional().orElse(null));
	}

	/** Who may be a case's handler: an enabled staff account (not a member, not only an auditor). */
	public static boolean canHandle(AccountSummary account) {
		return account.enabled() && account.roles().stream().anyMatch(role -> role != Role.MEMBER && role != Role.AUDITOR);
	}

	/** The case row is locked: its version cannot move between this check and the write. */
	private void expectVersion(Long id, Long version) {
		if (version != null && !version.equals(
				jdbc.sql("select version from service_case where id = :id").param("id", id).query(Long.class).single())) {
			throw new CaseChangedException(id);
		}
	}

	static void expect(CaseRecords.Locked kase, boolean allowed, String messageKey) {
		if (!allowed) {
			throw new RuleViolationException("state", messageKey,
					new org.springframework.context.support.DefaultMessageSourceResolvable("caseState." + kase.state()));
		}
	}

}
