package org.chamberlink.notification;

import java.util.HexFormat;

import org.chamberlink.privacy.Masks;
import org.chamberlink.privacy.PersonalData;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox. {@link #enqueue} must run inside the caller's transaction: the message is committed
 * with the event that caused it, or not at all; the worker sends it after the commit. A phone is
 * stored encrypted and shown masked (decision 0013); an opt-out by SMS keeps only its keyed hash.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final OutboxWorker worker;

	private final PersonalData personalData;

	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	Notifications(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, OutboxWorker worker,
			PersonalData personalData) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.worker = worker;
		this.personalData = personalData;
	}

	/**
	 * Queues the message in the caller's transaction, unless its recipient opted out of its topic or
	 * a message with its de-duplication key was queued before.
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EnqueueResult enqueue(OutgoingMessage message) {
		if (isOptedOut(message.channel(), message.recipient(), message.topic())) {
			return EnqueueResult.OPTED_OUT;
		}
		boolean sms = message.channel() == Channel.SMS;
		int added = jdbc.sql("""
				insert into notification_outbox (channel, recipient, recipient_cipher, subject, body, topic, dedup_key)
				values (:channel, :recipient, :cipher, :subject, :body, :topic, :key)
				on conflict (dedup_key) do nothing
				""")
			.param("channel", message.channel().name())
			.param("recipient", sms ? Masks.phone(message.recipient()) : message.recipient())
			.param("cipher", sms ? personalData.encrypt(message.recipient()) : null)
			.param("subject", message.subject() != null ? message.subject() : abbreviate(message.body()))
			.param("body", message.body())
			.param("topic", message.topic())
			.param("key", message.dedupKey())
			.update();
		if (added == 0) {
			return EnqueueResult.DUPLICATE;
		}
		// send right after the commit rather than at the next poll
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				worker.wakeUp();
			}
		});
		return EnqueueResult.ENQUEUED;
	}

	/**
	 * Queues many messages in the caller's transaction as one batch, each as {@link #enqueue}
	 * would (recipients who opted out of the topic and keys queued before are left out); for
	 * jobs that queue thousands at a time. Returns how many were queued.
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int enqueueAll(java.util.List<OutgoingMessage> messages) {
		if (messages.isEmpty()) {
			return 0;
		}
		int[][] counts = jdbcTemplate.batchUpdate("""
				insert into notification_outbox (channel, recipient, recipient_cipher, subject, body, topic, dedup_key)
				select ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from notification_opt_out where channel = ? and recipient = ? and topic = ?)
				on conflict (dedup_key) do nothing
				""", messages, 1000, (statement, message) -> {
			boolean sms = message.channel() == Channel.SMS;
			statement.setString(1, message.channel().name());
			statement.setString(2, sms ? Masks.phone(message.recipient()) : message.recipient());
			statement.setBytes(3, sms ? personalData.encrypt(message.recipient()) : null);
			statement.setString(4, message.subject() != null ? message.subject() : abbreviate(message.body()));
			statement.setString(5, message.body());
			statement.setString(6, message.topic());
			statement.setString(7, message.dedupKey());
			statement.setString(8, message.channel().name());
			statement.setString(9, optOutKey(message.channel(), message.recipient()));
			statement.setString(10, message.topic());
		});
		int added = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				added += Math.max(count, 0);
			}
		}
		if (added > 0) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					worker.wakeUp();
				}
			});
		}
		return added;
	}

	@Transactional(readOnly = true)
	public boolean isOptedOut(Channel channel, String recipient, String topic) {
		return jdbc.sql("""
				select exists (select 1 from notification_opt_out
				               where channel = :channel and recipient = :recipient and topic = :topic)
				""")
			.param("channel", channel.name())
			.param("recipient", optOutKey(channel, recipient))
			.param("topic", topic)
			.query(Boolean.class)
			.single();
	}

	/** The recipient wants no more messages of the topic by the channel; messages already queued still go. */
	@Transactional
	public void optOut(Channel channel, String recipient, String topic) {
		jdbc.sql("""
				insert into notification_opt_out (channel, recipient, topic) values (:channel, :recipient, :topic)
				on conflict do nothing
				""")
			.param("channel", channel.name())
			.param("recipient", optOutKey(channel, recipient))
			.param("topic", topic)
			.update();
	}

	@Transactional
	public void optIn(Channel channel, String recipient, String topic) {
		jdbc.sql("delete from notification_opt_out where channel = :channel and recipient = :recipient and topic = :topic")
			.param("channel", channel.name())
			.param("recipient", optOutKey(channel, recipient))
			.param("topic", topic)
			.update();
	}

	/** Messages newest first, optionally of one status, phones masked (the staff page and the API). */
	@Transactional(readOnly = true)
	public Page<OutboxMessage> search(OutboxStatus status, Pageable pageable) {
		String where = " where (cast(:status as varchar) is null or status = :status)";
		String name = status == null ? null : status.name();
		long total = jdbc.sql("select count(*) from notification_outbox" + where)
			.param("status", name)
			.query(Long.class)
			.single();
		var rows = jdbc.sql("""
				select id, channel, recipient, subject, topic, status, attempts, next_attempt_at, sent_at, last_error,
				       created_at
				from notification_outbox""" + where + " order by id desc limit :limit offset :offset")
			.param("status", name)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(OutboxMessage.class)
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** An SMS has no subject: the outbox page shows the beginning of its text instead. */
	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

	/** Addresses compare without case; phones by keyed hash, so the table holds no number. */
	private String optOutKey(Channel channel, String recipient) {
		if (channel == Channel.SMS) {
			return "hmac:" + HexFormat.of().formatHex(personalData.hash("phone:" + OutgoingMessage.normalizePhone(recipient)));
		}
		return recipient == null ? null : recipient.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
