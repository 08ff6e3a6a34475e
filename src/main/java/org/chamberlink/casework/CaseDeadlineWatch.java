package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;

import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every working morning, reminds the handlers of open cases that fall due by the next working
 * day (the organisation's staff when nobody handles a case yet). The outbox's de-duplication key (case, step, due date) makes a second run the same day,
 * or on another instance, send nothing more.
 */
@Component
public class CaseDeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(CaseDeadlineWatch.class);

	private record Due(Long id, Long orgId, Long handlerAccountId, CaseState state, LocalDate dueOn) {
	}

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final CaseNotices notices;

	private final AccountManagement accounts;

	private final Clock clock;

	CaseDeadlineWatch(JdbcClient jdbc, WorkingCalendar calendar, CaseNotices notices, AccountManagement accounts,
			Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.notices = notices;
		this.clock = clock;
	}

	@Scheduled(cron = "${chamberlink.casework.deadline-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "casework.deadline-reminders", lockAtLeastFor = "PT1M")
	public void scheduled() {
		int sent = remind(LocalDate.now(clock));
		log.info("Case deadline reminders: {} queued", sent);
	}

	/** Queues the reminders due on {@code today}; returns how many were queued. */
	@Transactional
	public int remind(LocalDate today) {
		LocalDate horizon = calendar.addWorkingDays(today, 1);
		int[] queued = new int[1];
		jdbc.sql("""
				select id, org_id, handler_account_id, state,
				       case when state = 'SUBMITTED' then accept_due_on else resolve_due_on end as due_on
				from service_case
				where state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
				  and case when state = 'SUBMITTED' then accept_due_on else resolve_due_on end between :today and :horizon
				""")
			.param("today", today)
			.param("horizon", horizon)
			.query(Due.class)
			.list()
			.forEach(due -> {
				// the handler; a case nobody holds yet (a member's, just filed) goes to the organisation's staff
				List<Long> recipients = due.handlerAccountId() != null ? List.of(due.handlerAccountId())
						: accounts.inOrganization(due.orgId()).stream().filter(CaseWorkflow::canHandle)
							.map(AccountManagement.AccountSummary::id).toList();
				for (Long account : recipients) {
					if (notices.nearlyDue(due.id(), account, due.state(), due.dueOn())) {
						queued[0]++;
					}
				}
			});
		return queued[0];
	}

}
