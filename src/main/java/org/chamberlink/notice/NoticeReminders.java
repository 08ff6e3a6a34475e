package org.chamberlink.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountEmails;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminding the unread of a notice through the outbox, at most once a day, as a background job:
 * the request only queues the day's job ({@link #request}) and returns; the job walks the unread
 * organisations and then the unread members in key order, a chunk at a time, each chunk one
 * transaction that marks its recipients reminded today (China time) and queues their messages as
 * one batch, and counts its progress on the job's row. A second press the same day finds the day's
 * job (a failed one is started again); a recipient is never reminded twice a day, since marking
 * and queueing commit together and each message also carries its de-duplication key
 * {@code notice:<id>:remind:<day>:<recipient>}. A job cut short (the application stopped) is taken
 * up again by {@link #resumeStalled} from where its cursor stands. An organisation is reached at
 * the e-mail addresses of its accounts; a member by mail where their organisation keeps an
 * address, else by SMS.
 */
@Service
public class NoticeReminders {

	static final String TOPIC = "notice";

	private static final Logger log = LoggerFactory.getLogger(NoticeReminders.class);

	/** Organisations per chunk (each asks for its accounts' addresses). */
	static final int ORG_CHUNK = 200;

	/** Members per chunk: one statement for their addresses, one batch into the outbox. */
	static final int MEMBER_CHUNK = 5_000;

	/** Who was reminded this time. */
	public record Reminded(int organizations, int members) {

		public int total() {
			return organizations + members;
		}

	}

	/** A day's reminder job of a notice and how far it has gone. */
	public record ReminderJob(Long id, Long noticeId, LocalDate day, String status, String requestedByName, Instant requestedAt,
			Instant finishedAt, int orgsReminded, int membersReminded, int messagesQueued, String error) {

		public boolean finished() {
			return "DONE".equals(status) || "FAILED".equals(status);
		}

		public Reminded reminded() {
			return new Reminded(orgsReminded, membersReminded);
		}

		public java.time.LocalDateTime requestedLocal() {
			return ChinaTime.of(requestedAt);
		}

	}

	private final JdbcClient jdbc;

	private final Notices notices;

	private final AccountManagement accounts;

	private final AccountEmails accountEmails;

	private final PartyEmails parties;

	private final Notifications notifications;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ExecutorService pool = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "notice-reminders");
		thread.setDaemon(true);
		return thread;
	});

	NoticeReminders(JdbcClient jdbc, Notices notices, AccountManagement accounts, AccountEmails accountEmails, PartyEmails parties,
			Notifications notifications, MessageSource messages, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.accounts = accounts;
		this.accountEmails = accountEmails;
		this.parties = parties;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Queues today's reminder job of a notice in scope and starts it after the commit; returns at
	 * once. Today's job, if there is one, is returned as it stands (a failed one is queued again).
	 */
	@Transactional
	public ReminderJob request(Long noticeId, AccountPrincipal by) {
		return queue(noticeId, by, true);
	}

	private ReminderJob queue(Long noticeId, AccountPrincipal by, boolean start) {
		NoticeView notice = notices.get(noticeId);
		NoticeChanges.refuseWithdrawn(notice, "notice");
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Optional<Long> created = jdbc.sql("""
				insert into notice_reminder_job (notice_id, day, status, requested_by, requested_by_name, requested_at)
				values (:n, :day, 'QUEUED', :by, :byName, :now)
				on conflict (notice_id, day) do nothing returning id
				""")
			.param("n", noticeId)
			.param("day", today)
			.param("by", by == null ? null : by.id())
			.param("byName", by == null ? null : by.displayName())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
		Long id = created.orElseGet(() -> jdbc.sql("""
				update notice_reminder_job set status = case when status = 'FAILED' then 'QUEUED' else status end,
				       error = case when status = 'FAILED' then null else error end
				where notice_id = :n and day = :day returning id
				""").param("n", noticeId).param("day", today).query(Long.class).single());
		ReminderJob job = job(id);
		if (created.isPresent()) {
			audit.record(AuditEntry.of("NOTICE_REMIND_QUEUED").entity("Notice", noticeId).org(notice.orgId())
				.summary("audit.summary.noticeRemindQueued", notice.title()));
		}
		if (start && !job.finished()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					pool.execute(() -> run(id));
				}
			});
		}
		return job;
	}

	/** The newest reminder job of a notice in scope, if it was ever reminded. */
	@Transactional(readOnly = true)
	public Optional<ReminderJob> latest(Long noticeId) {
		notices.get(noticeId);
		return jdbc.sql(JOB + " where notice_id = :n order by day desc limit 1").param("n", noticeId).query(JOB_MAPPER).optional();
	}

	/**
	 * Queues today's job and runs it to the end in the caller's thread (tests, and callers that
	 * want the counts); reminds nobody already reminded today.
	 */
	public Reminded remindUnread(Long noticeId) {
		ReminderJob before = transactions.execute(status -> queue(noticeId, null, false));
		if (before.finished()) {
			return new Reminded(0, 0);
		}
		run(before.id());
		ReminderJob after = job(before.id());
		return new Reminded(after.orgsReminded() - before.orgsReminded(), after.membersReminded() - before.membersReminded());
	}

	/**
	 * Jobs that were queued but not started, or that stopped beating (the application stopped in
	 * the middle), go on from their cursor; looked for every five minutes. Running one twice at once is harmless: each chunk marks
	 * only recipients not yet reminded that day.
	 */
	@Scheduled(cron = "${chamberlink.notice.reminder-resume-cron:30 */5 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "notice.reminder-jobs", lockAtLeastFor = "PT1M")
	public void resumeStalled() {
		resumeStalledJobs();
	}

	/** The work of {@link #resumeStalled} without its cluster lock (held for a minute after each run, so a second call would be skipped). */
	void resumeStalledJobs() {
		List<Long> stalled = jdbc.sql("""
				select id from notice_reminder_job
				where status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, requested_at) < :before order by id
				""").param("before", Timestamp.from(clock.instant().minusSeconds(120))).query(Long.class).list();
		stalled.forEach(this::run);
	}

	/** Runs a job chunk by chunk until no unread recipient is left to remind that day. */
	void run(Long id) {
		try {
			ReminderJob job = job(id);
			if (job.finished()) {
				return;
			}
			jdbc.sql("update notice_reminder_job set status = 'RUNNING', started_at = coalesce(started_at, now()), heartbeat_at = now() "
					+ "where id = :id").param("id", id).update();
			Texts texts = texts(job.noticeId());
			if (texts.withdrawn()) {
				// withdrawn since it was queued: nobody is reminded of it any more
				jdbc.sql("update notice_reminder_job set status = 'DONE', finished_at = now() where id = :id").param("id", id).update();
				return;
			}
			while (Boolean.TRUE.equals(transactions.execute(status -> orgChunk(id, job.noticeId(), job.day(), texts)))) {
				// next chunk
			}
			while (Boolean.TRUE.equals(transactions.execute(status -> memberChunk(id, job.noticeId(), job.day(), texts)))) {
				// next chunk
			}
			int done = jdbc.sql("update notice_reminder_job set status = 'DONE', finished_at = now(), heartbeat_at = now() "
					+ "where id = :id and status = 'RUNNING'").param("id", id).update();
			if (done > 0) {
				ReminderJob finished = job(id);
				audit.record(AuditEntry.of("NOTICE_REMINDED").entity("Notice", job.noticeId()).org(texts.orgId())
					.by(finished.requestedByName())
					.summary("audit.summary.noticeReminded", texts.title(), finished.orgsReminded(), finished.membersReminded()));
			}
		}
		catch (RuntimeException e) {
			log.warn("Notice reminder job {} failed", id, e);
			String message = String.valueOf(e.getMessage());
			jdbc.sql("update notice_reminder_job set status = 'FAILED', finished_at = now(), error = :error where id = :id")
				.param("id", id)
				.param("error", message.length() > 500 ? message.substring(0, 500) : message)
				.update();
		}
	}

	/** The next organisations in key order: the unread among them marked and mailed; false when none are left. */
	private boolean orgChunk(Long jobId, Long noticeId, LocalDate day, Texts texts) {
		long after = cursor(jobId, "org_cursor");
		if (after < 0) {
			return false;
		}
		Long upTo = jdbc.sql("""
				select max(org_id) from (select org_id from notice_org_recipient where notice_id = :n and org_id > :after
				                         order by org_id limit :chunk) t
				""").param("n", noticeId).param("after", after).param("chunk", ORG_CHUNK).query(Long.class).optional().orElse(null);
		if (upTo == null) {
			return false;
		}
		List<Long> orgs = jdbc.sql("""
				update notice_org_recipient set reminded_on = :day
				where notice_id = :n and org_id > :after and org_id <= :upTo
				  and read_at is null and (reminded_on is null or reminded_on < :day) returning org_id
				""").param("day", day).param("n", noticeId).param("after", after).param("upTo", upTo).query(Long.class).list();
		List<OutgoingMessage> batch = new ArrayList<>();
		for (Long org : orgs) {
			for (AccountManagement.AccountSummary account : accounts.inOrganization(org)) {
				if (account.enabled()) {
					accountEmails.of(account.id()).ifPresent(email -> batch.add(OutgoingMessage.mail(email, texts.subject(), texts.body(),
							TOPIC, key(noticeId, day, "org-" + org + "-account-" + account.id()))));
				}
			}
		}
		int queued = notifications.enqueueAll(batch);
		progress(jobId, "org_cursor", upTo, orgs.size(), 0, queued);
		return true;
	}

	/** The next members in key order: the unread among them marked, their addresses found in one statement, messages queued as one batch. */
	private boolean memberChunk(Long jobId, Long noticeId, LocalDate day, Texts texts) {
		long after = cursor(jobId, "member_cursor");
		if (after < 0) {
			return false;
		}
		Long upTo = jdbc.sql("""
				select max(party_id) from (select party_id from notice_member_recipient where notice_id = :n and party_id > :after
				                           order by party_id limit :chunk) t
				""").param("n", noticeId).param("after", after).param("chunk", MEMBER_CHUNK).query(Long.class).optional().orElse(null);
		if (upTo == null) {
			return false;
		}
		List<Member> members = jdbc.sql("""
				update notice_member_recipient set reminded_on = :day
				where notice_id = :n and party_id > :after and party_id <= :upTo
				  and read_at is null and (reminded_on is null or reminded_on < :day) returning party_id, org_id
				""").param("day", day).param("n", noticeId).param("after", after).param("upTo", upTo).query(Member.class).list();
		List<OutgoingMessage> batch = new ArrayList<>(members.size());
		for (PartyEmails.NoticeAddress address : parties.forNoticesUnscoped(members.stream().map(Member::partyId).toList(),
				members.stream().map(Member::orgId).toList())) {
			String dedup = key(noticeId, day, "party-" + address.partyId());
			if (address.email() != null) {
				batch.add(OutgoingMessage.mail(address.email(), texts.subject(), texts.body(), TOPIC, dedup));
			}
			else if (address.phone() != null) {
				batch.add(OutgoingMessage.sms(address.phone(), texts.sms(), TOPIC, dedup));
			}
		}
		int queued = notifications.enqueueAll(batch);
		progress(jobId, "member_cursor", upTo, 0, members.size(), queued);
		return true;
	}

	/** Where the job stands in that column; -1 once it is no longer running (stopped from outside), which ends it. */
	private long cursor(Long jobId, String column) {
		return jdbc.sql("select case when status = 'RUNNING' then " + column + " else -1 end from notice_reminder_job where id = :id")
			.param("id", jobId).query(Long.class).single();
	}

	private void progress(Long jobId, String cursor, Long upTo, int orgs, int members, int queued) {
		jdbc.sql("update notice_reminder_job set " + cursor + " = greatest(" + cursor + ", :upTo), orgs_reminded = orgs_reminded + :orgs, "
				+ "members_reminded = members_reminded + :members, messages_queued = messages_queued + :queued, heartbeat_at = now() "
				+ "where id = :id")
			.param("upTo", upTo)
			.param("orgs", orgs)
			.param("members", members)
			.param("queued", queued)
			.param("id", jobId)
			.update();
	}

	private ReminderJob job(Long id) {
		return jdbc.sql(JOB + " where id = :id").param("id", id).query(JOB_MAPPER).single();
	}

	private static final String JOB = """
			select id, notice_id, day, status, requested_by_name, requested_at, finished_at, orgs_reminded, members_reminded,
			       messages_queued, error from notice_reminder_job""";

	private static final org.springframework.jdbc.core.RowMapper<ReminderJob> JOB_MAPPER = (rs, i) -> new ReminderJob(rs.getLong(1),
			rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
			NoticeView.instant(rs.getObject(6, OffsetDateTime.class)), NoticeView.instant(rs.getObject(7, OffsetDateTime.class)),
			rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getString(11));

	record Member(Long partyId, Long orgId) {
	}

	private record Texts(Long orgId, String title, String subject, String body, String sms, boolean withdrawn) {
	}

	/** The messages of a notice's reminders (read unscoped: the job runs without a signed-in account). */
	private Texts texts(Long noticeId) {
		return jdbc.sql("select n.title, o.name, n.org_id, n.withdrawn_at is not null from notice n join published_organization o on o.org_id = n.org_id where n.id = :id")
			.param("id", noticeId)
			.query((rs, i) -> new Texts(rs.getLong(3), rs.getString(1), text("notice.remind.subject", rs.getString(2), rs.getString(1)),
					text("notice.remind.body", rs.getString(2), rs.getString(1)), text("notice.remind.sms", rs.getString(2), rs.getString(1)), rs.getBoolean(4)))
			.single();
	}

	static String key(Long noticeId, LocalDate day, String recipient) {
		return "notice:" + noticeId + ":remind:" + day + ":" + recipient;
	}

	// notices go out in Chinese, the language of every office and member (decision 9)
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

}
