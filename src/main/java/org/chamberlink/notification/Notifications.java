package org.chamberlink.notification;

import java.util.List;

import org.chamberlink.privacy.Masks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox. {@link #enqueue} must run inside the caller's transaction: the message is committed
 * with the event that caused it, or not at all; the worker sends it after the commit.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final OutboxWorker worker;

	Notifications(JdbcClient jdbc, OutboxWorker worker) {
		this.jdbc = jdbc;
		this.worker = worker;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public EnqueueResult enqueue(OutgoingMessage message) {
		if (isOptedOut(message.channel(), message.recipient(), message.topic())) {
			return EnqueueResult.OPTED_OUT;
		}
		int added = jdbc.sql("""
				insert into notification_outbox (channel, recipient, subject, body, topic, dedup_key)
				values (:channel, :recipient, :subject, :body, :topic, :key)
				on conflict (dedup_key) do nothing
				""")
			.param("channel", message.channel().name())
			.param("recipient", message.recipient())
			.param("subject", message.subject())
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

	@Transactional(readOnly = true)
	public boolean isOptedOut(Channel channel, String recipient, String topic) {
		return jdbc.sql("""
				select exists (select 1 from notification_opt_out
				               where channel = :channel and recipient = lower(:recipient) and topic = :topic)
				""")
			.param("channel", channel.name())
			.param("recipient", recipient)
			.param("topic", topic)
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public void optOut(Channel channel, String recipient, String topic) {
		jdbc.sql("""
				insert into notification_opt_out (channel, recipient, topic) values (:channel, lower(:recipient), :topic)
				on conflict do nothing
				""")
			.param("channel", channel.name())
			.param("recipient", recipient)
			.param("topic", topic)
			.update();
	}

	@Transactional
	public void optIn(Channel channel, String recipient, String topic) {
		jdbc.sql("delete from notification_opt_out where channel = :channel and recipient = lower(:recipient) and topic = :topic")
			.param("channel", channel.name())
			.param("recipient", recipient)
			.param("topic", topic)
			.update();
	}

	/** The newest messages, optionally of one status, phones masked (the staff page and the API). */
	@Transactional(readOnly = true)
	public List<OutboxMessage> recent(String status, int limit) {
		return jdbc.sql("""
				select id, channel, recipient, subject, topic, status, attempts, next_attempt_at, sent_at, last_error, created_at
				from notification_outbox where (cast(:status as varchar) is null or status = :status)
				order by id desc limit :limit
				""")
			.param("status", status)
			.param("limit", limit)
			.query(OutboxMessage.class)
			.list()
			.stream()
			.map(m -> m.channel() == Channel.SMS ? new OutboxMessage(m.id(), m.channel(), Masks.phone(m.recipient()),
					m.subject(), m.topic(), m.status(), m.attempts(), m.nextAttemptAt(), m.sentAt(), m.lastError(),
					m.createdAt()) : m)
			.toList();
	}

}
