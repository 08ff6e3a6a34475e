package org.chamberlink.casework;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every working morning, reminds the handlers of open cases that fall due by the next working
 * day. The outbox's de-duplication key (case, step, due date) makes a second run the same day,
 * or on another instance, send nothing more.
 */
@Component
public class CaseDeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(CaseDeadlineWatch.class);

	private record Due(Long id, Long handlerAccountId, CaseState state, LocalDate dueOn) {
	}

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final CaseNotices notices;

	CaseDeadlineWatch(JdbcClient jdbc, WorkingCalendar calendar, CaseNotices notices) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.notices = notices;
	}

	@Scheduled(cron = "${chamberlink.casework.deadline-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
	public void scheduled() {
		int sent = remind(CaseClock.today());
		log.info("Case deadline reminders: {} queued", sent);
	}

	/** Queues the reminders due on {@code today}; returns how many were queued. */
	@Transactional
	public int remind(LocalDate today) {
		LocalDate horizon = calendar.addWorkingDays(today, 1);
		int[] queued = new int[1];
		jdbc.sql("""
				select id, handler_account_id, state,
				       case when state = 'SUBMITTED' then accept_due_on else resolve_due_on end as due_on
				from service_case
				where handler_account_id is not null and state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
				  and case when state = 'SUBMITTED' then accept_due_on else resolve_due_on end between :today and :horizon
				""")
			.param("today", today)
			.param("horizon", horizon)
			.query(Due.class)
			.list()
			.forEach(due -> {
				if (notices.nearlyDue(due.id(), due.handlerAccountId(), due.state(), due.dueOn())) {
					queued[0]++;
				}
			});
		return queued[0];
	}

}
