package org.chamberlink.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestMail;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against a real SMTP server (GreenMail): Chinese mail arrives once, only when the
 * transaction commits, never twice for one key, not to those who opted out, after the server
 * comes back, and exactly once across a stop and restart of the worker in the middle of a batch.
 */
@IntegrationTest
@Tag("database")
class OutboxMailTest {

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommittedMessageArrivesOnceInChineseAndARolledBackOneNever() throws Exception {
		String domain = domain();
		TestMail.server();
		String to = "wang@" + domain;
		assertThat(enqueue(to, "【长安区建材商会】2026年度会费缴费提醒", "王秀英您好：您的2026年度会费 ¥500.00 将于 2026-03-31 到期。",
				"k1-" + domain)).isEqualTo(EnqueueResult.ENQUEUED);
		assertThat(enqueue(to, "重复", "重复", "k1-" + domain)).isEqualTo(EnqueueResult.DUPLICATE);
		try {
			transactions.executeWithoutResult(status -> {
				notifications.enqueue(message("rolled@" + domain, "不应送达", "事务已回滚", "k2-" + domain));
				status.setRollbackOnly();
			});
		}
		catch (RuntimeException ignored) {
			// rolled back as intended
		}
		awaitTrue(() -> received(domain).size() >= 1);
		MimeMessage mail = received(domain).get(0);
		assertThat(mail.getSubject()).isEqualTo("【长安区建材商会】2026年度会费缴费提醒");
		assertThat(((String) mail.getContent()).strip()).isEqualTo("王秀英您好：您的2026年度会费 ¥500.00 将于 2026-03-31 到期。");
		assertThat(mail.getHeader("Message-ID")[0]).startsWith("<outbox-").endsWith("@chamberlink>");
		Thread.sleep(600); // three more polls: nothing else may arrive
		assertThat(received(domain)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = :r").param("r", "rolled@" + domain)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select status from notification_outbox where dedup_key = :k").param("k", "k1-" + domain)
			.query(String.class).single()).isEqualTo("SENT");
	}

	@Test
	void enqueueingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> notifications.enqueue(message("x@" + domain(), "s", "b", "k-" + domain())))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void anOptedOutRecipientGetsNothingUntilOptingIn() {
		String to = "Li@" + domain();
		notifications.optOut(Channel.MAIL, to, "dues.reminder");
		assertThat(enqueue(to, "提醒", "正文", "o1-" + to)).isEqualTo(EnqueueResult.OPTED_OUT);
		assertThat(enqueue(to.toLowerCase(), "提醒", "正文", "o2-" + to)).as("addresses compare without case")
			.isEqualTo(EnqueueResult.OPTED_OUT);
		notifications.optIn(Channel.MAIL, to, "dues.reminder");
		assertThat(enqueue(to, "提醒", "正文", "o3-" + to)).isEqualTo(EnqueueResult.ENQUEUED);
	}

	@Test
	void aMessageIsRetriedWithBackOffUntilTheServerIsBack() throws Exception {
		String domain = domain();
		TestMail.stop();
		try {
			enqueue("zhao@" + domain, "服务器恢复后送达", "正文", "r1-" + domain);
			awaitTrue(() -> attempts("r1-" + domain) >= 2);
			assertThat(jdbc.sql("select status from notification_outbox where dedup_key = :k").param("k", "r1-" + domain)
				.query(String.class).single()).isIn("FAILED", "SENDING");
			assertThat(jdbc.sql("select last_error from notification_outbox where dedup_key = :k").param("k", "r1-" + domain)
				.query(String.class).single()).isNotBlank();
		}
		finally {
			TestMail.server();
		}
		awaitTrue(() -> received(domain).size() == 1);
		awaitTrue(() -> "SENT".equals(jdbc.sql("select status from notification_outbox where dedup_key = :k")
			.param("k", "r1-" + domain).query(String.class).single()));
		assertThat(received(domain)).hasSize(1);
	}

	@Test
	void stoppingAndRestartingTheWorkerInTheMiddleSendsEveryMessageExactlyOnce() throws Exception {
		String domain = domain();
		TestMail.server();
		int count = 150;
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				notifications.enqueue(message("m" + i + "@" + domain, "会费提醒 " + i, "第 " + i + " 封", "s" + i + "-" + domain));
			}
		});
		try {
			awaitTrue(() -> received(domain).size() >= 5);
			worker.stop();
			int sentAtStop = received(domain).size();
			assertThat(sentAtStop).as("stopped in the middle").isLessThan(count);
			assertThat(statusCount(domain, "SENDING")).as("nothing left claimed").isZero();
			assertThat(statusCount(domain, "SENT")).isEqualTo(sentAtStop);
			Thread.sleep(500);
			assertThat(received(domain)).as("a stopped worker sends nothing").hasSize(sentAtStop);
		}
		finally {
			worker.start();
		}
		awaitTrue(() -> statusCount(domain, "SENT") == count);
		List<String> subjects = received(domain).stream().map(OutboxMailTest::subject).toList();
		assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
	}

	@Test
	void textMessagesGoToTheSmsGateway() throws Exception {
		String key = "sms-" + domain();
		transactions.executeWithoutResult(status -> notifications.enqueue(new OutgoingMessage(Channel.SMS, "13912345678",
				"会费提醒", "您的会费将于3月31日到期", "dues.reminder", key)));
		awaitTrue(() -> "SENT".equals(jdbc.sql("select status from notification_outbox where dedup_key = :k").param("k", key)
			.query(String.class).single()));
		assertThat(notifications.recent("SENT", 200)).anyMatch(m -> m.recipient().equals("139****5678"));
	}

	private EnqueueResult enqueue(String to, String subject, String body, String key) {
		return transactions.execute(status -> notifications.enqueue(message(to, subject, body, key)));
	}

	private static OutgoingMessage message(String to, String subject, String body, String key) {
		return new OutgoingMessage(Channel.MAIL, to, subject, body, "dues.reminder", key);
	}

	private static String domain() {
		return "t" + System.nanoTime() + ".example.com";
	}

	private static List<MimeMessage> received(String domain) {
		return Arrays.stream(TestMail.server().getReceivedMessages())
			.filter(m -> recipient(m).endsWith("@" + domain))
			.toList();
	}

	private long statusCount(String domain, String status) {
		return jdbc.sql("select count(*) from notification_outbox where recipient like :r and status = :s")
			.param("r", "%@" + domain)
			.param("s", status)
			.query(Long.class)
			.single();
	}

	private int attempts(String key) {
		return jdbc.sql("select attempts from notification_outbox where dedup_key = :k").param("k", key)
			.query(Integer.class).single();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 20 s");
			}
			Thread.sleep(50);
		}
	}

}
