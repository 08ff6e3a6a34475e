package org.chamberlink.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.notification.EnqueueResult;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dues reminders by mail, once a day: one before the due date (from 14 days ahead) and up to
 * three after it (the day after, then a month and two months later). Each reminder has its own
 * de-duplication key in the outbox, so running the day twice, or two instances at once, never
 * sends one reminder twice. Members who opted out of the topic get none.
 */
@Service
public class DuesReminders {

	public static final String TOPIC = "dues.reminder";

	private static final Logger log = LoggerFactory.getLogger(DuesReminders.class);

	private record Due(Long billId, int year, LocalDate dueOn, long outstandingFen, long amountFen, String partyName,
			Long orgId, String orgName, String email) {

		Due named(String orgName) {
			return new Due(billId, year, dueOn, outstandingFen, amountFen, partyName, orgId, orgName, email);
		}

	}

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	private final Organizations organizations;

	private final DuesNotices texts;

	DuesReminders(JdbcClient jdbc, Notifications notifications, Clock clock, Organizations organizations,
			DuesNotices texts) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
		this.texts = texts;
	}

	@Scheduled(cron = "${chamberlink.dues.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "dues.reminders", lockAtLeastFor = "PT1M")
	public void daily() {
		int queued = remind(LocalDate.now(clock));
		log.info("Dues reminders: {} queued", queued);
	}

	/** Queues the reminders due on {@code today}; returns how many were new. */
	@Transactional
	public int remind(LocalDate today) {
		int[] queued = new int[1];
		// the day's bills come from few organisations: each is named once
		Map<Long, String> orgNames = new HashMap<>();
		jdbc.sql("""
				select b.id as bill_id, b.year, b.due_on, b.amount_fen - b.paid_fen - b.waived_fen as outstanding_fen,
				       b.amount_fen, m.party_name, b.org_id, null as org_name, p.email
				from dues_bill b
				join published_party_email p on p.party_id = b.party_id and p.org_id = b.org_id
				join published_membership m on m.membership_id = b.membership_id
				where b.paid_fen + b.waived_fen < b.amount_fen
				  and b.due_on between :from and :to
				""")
			.param("from", today.minusDays(91))
			.param("to", today.plusDays(14))
			.query(Due.class)
			.stream()
			.map(due -> due.named(orgNames.computeIfAbsent(due.orgId(),
					id -> organizations.namesUnscoped(List.of(id)).get(id))))
			.forEach(due -> {
				if (notifications.enqueue(message(due, today)) == EnqueueResult.ENQUEUED) {
					queued[0]++;
				}
			});
		return queued[0];
	}

	private OutgoingMessage message(Due due, LocalDate today) {
		boolean before = !today.isAfter(due.dueOn());
		String kind = before ? "before" : "after-" + Math.min(2, (ChronoUnit.DAYS.between(due.dueOn(), today) - 1) / 30);
		return texts.reminder(due.email(), due.partyName(), due.orgName(), due.year(), due.amountFen(),
				due.outstandingFen(), due.dueOn(), !before, "dues.reminder:" + due.billId() + ":" + kind);
	}

}
