package org.chamberlink.notification;

import org.chamberlink.support.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification module with only the modules it declares: a message is queued in the caller's
 * transaction once per de-duplication key, and a recipient who opted out of the topic gets none.
 */
@ModuleTest
class NotificationModuleTest {

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessageIsQueuedOncePerKeyAndNotForARecipientWhoOptedOut() {
		String key = "module-test:" + System.nanoTime();
		String recipient = "module" + System.nanoTime() + "@example.com";
		OutgoingMessage message = new OutgoingMessage(Channel.MAIL, recipient, "模块测试", "正文", "module-test", key);

		assertThat(enqueue(message)).isEqualTo(EnqueueResult.ENQUEUED);
		assertThat(enqueue(message)).isEqualTo(EnqueueResult.DUPLICATE);
		assertThat(jdbc.sql("select count(*) from notification_outbox where dedup_key = :k").param("k", key)
			.query(Long.class).single()).isOne();

		notifications.optOut(Channel.MAIL, recipient, "module-test");
		OutgoingMessage another = new OutgoingMessage(Channel.MAIL, recipient, "模块测试", "正文", "module-test", key + ":2");
		assertThat(enqueue(another)).isEqualTo(EnqueueResult.OPTED_OUT);
	}

	private EnqueueResult enqueue(OutgoingMessage message) {
		return transactions.execute(status -> notifications.enqueue(message));
	}

}
