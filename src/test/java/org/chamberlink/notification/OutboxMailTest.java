package org.chamberlink.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestMail;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against a real SMTP server (GreenMail, started once per test JVM): Chinese mail
 * arrives once, only when the transaction commits, never twice for one key, not to those who opted
 * out, after the server comes back, and exactly once across a stop and restart of the worker in
 * the middle of a batch; SMS goes to the gateway with the number kept encrypted until then.
 */
@IntegrationTest
@Tag("database")
class OutboxMailTest {

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxWorker worker;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	NotificationProperties properties;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommittedMessageArrivesOnceInChineseAndARolledBackOneNever() throws Exception {
		String domain = domain();
		String to = "wang@" + domain;
		String subject = "【长安区建材商会】2026年度会费缴费提醒";
		String body = "王秀英您好：您的2026年度会费 ¥500.00 将于 2026-03-31 到期。";
		assertThat(enqueue(to, subject, body, "k1-" + domain)).isEqualTo(EnqueueResult.ENQUEUED);
		assertThat(enqueue(to, "重复", "重复", "k1-" + domain)).as("same key").isEqualTo(EnqueueResult.DUPLICATE);
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			notifications.enqueue(OutgoingMessage.mail("rolled@" + domain, "不应送达", "事务已回滚", "dues.reminder",
					"k2-" + domain));
			throw new IllegalStateException("the event that caused it failed");
		})).hasMessageContaining("failed");

		awaitShort().until(() -> "SENT".equals(status("k1-" + domain)));
		List<MimeMessage> received = TestMail.received(domain);
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getSubject()).isEqualTo(subject);
		assertThat(((String) mail.getContent()).strip()).isEqualTo(body);
		assertThat(mail.getHeader("Message-ID")).containsExactly("<outbox-" + id("k1-" + domain) + "@chamberlink>");
		assertThat(jdbc.sql("select count(*) from notification_outbox where dedup_key = :k").param("k", "k2-" + domain)
			.query(Long.class).single()).as("rolled back with its cause").isZero();
		// several polls later still one mail, for the duplicate nor the rolled-back one
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
			.until(() -> TestMail.received(domain).size() == 1);
	}

	@Test
	void enqueueingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> notifications.enqueue(message("x@" + domain(), "s", "b", "k-" + domain())))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aMessageWithoutRecipientOrSubjectIsRefusedAtOnce() {
		assertThatThrownBy(() -> OutgoingMessage.mail("not an address", "s", "b", "t", "k"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutgoingMessage.mail("a@b.cn", " ", "b", "t", "k"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutgoingMessage.sms("请致电", "b", "t", "k")).isInstanceOf(IllegalArgumentException.class);
		assertThat(OutgoingMessage.sms("139 1234 5678", "b", "t", "k").recipient()).isEqualTo("13912345678");
	}

	@Test
	void anOptedOutRecipientGetsNothingUntilOptingIn() {
		String to = "Li@" + domain();
		notifications.optOut(Channel.MAIL, to, "dues.reminder");
		assertThat(enqueue(to, "提醒", "正文", "o1-" + to)).isEqualTo(EnqueueResult.OPTED_OUT);
		assertThat(enqueue(to.toLowerCase(), "提醒", "正文", "o2-" + to)).as("addresses compare without case")
			.isEqualTo(EnqueueResult.OPTED_OUT);
		assertThat(enqueue(OutgoingMessage.mail(to, "活动通知", "正文", "activity.notice", "o3-" + to)))
			.as("other topics still go")
			.isEqualTo(EnqueueResult.ENQUEUED);
		notifications.optIn(Channel.MAIL, to, "dues.reminder");
		assertThat(enqueue(to, "提醒", "正文", "o4-" + to)).isEqualTo(EnqueueResult.ENQUEUED);
	}

	@Test
	void aMessageIsRetriedWithBackOffUntilTheServerIsBack() throws Throwable {
		String domain = domain();
		String key = "r1-" + domain;
		whileTheMailServerIsDown(() -> {
			enqueue("zhao@" + domain, "服务器恢复后送达", "正文", key);
			awaitShort().until(() -> attempts(key) >= 2);
			assertThat(status(key)).isIn("FAILED", "SENDING");
			assertThat(jdbc.sql("select last_error from notification_outbox where dedup_key = :k").param("k", key)
				.query(String.class).single()).isNotBlank();
		});
		awaitShort().until(() -> "SENT".equals(status(key)));
		assertThat(TestMail.received(domain)).hasSize(1);
	}

	@Test
	void aMessageIsGivenUpAfterTheLastAttempt() throws Throwable {
		String domain = domain();
		String key = "d1-" + domain;
		whileTheMailServerIsDown(() -> {
			enqueue("sun@" + domain, "发不出去", "正文", key);
			// skip the waiting: the next failure is the last allowed attempt (only while not claimed)
			awaitShort().until(() -> jdbc.sql("""
					update notification_outbox set attempts = :last, next_attempt_at = now()
					where dedup_key = :k and status = 'FAILED'
					""").param("last", properties.maxAttempts() - 1).param("k", key).update() == 1);
			awaitShort().until(() -> "DEAD".equals(status(key)));
			assertThat(attempts(key)).isEqualTo(properties.maxAttempts());
		});
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> "DEAD".equals(status(key)) && TestMail.received(domain).isEmpty());
	}

	@Test
	void stoppingAndRestartingTheWorkerInTheMiddleSendsEveryMessageExactlyOnce() {
		String domain = domain();
		int count = 150;
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				notifications.enqueue(message("m" + i + "@" + domain, "会费提醒 " + i, "第 " + i + " 封", "s" + i + "-" + domain));
			}
		});
		try {
			awaitShort().pollInterval(Duration.ofMillis(10)).until(() -> TestMail.received(domain).size() >= 5);
			worker.stop();
			int sentAtStop = TestMail.received(domain).size();
			assertThat(sentAtStop).as("stopped in the middle").isLessThan(count);
			assertThat(statusCount(domain, "SENDING")).as("nothing left claimed").isZero();
			assertThat(statusCount(domain, "SENT")).as("the one in hand was marked").isEqualTo(sentAtStop);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.until(() -> TestMail.received(domain).size() == sentAtStop);
		}
		finally {
			worker.start();
		}
		awaitShort().atMost(Duration.ofSeconds(30)).until(() -> statusCount(domain, "SENT") == count);
		List<String> subjects = TestMail.received(domain).stream().map(OutboxMailTest::subject).toList();
		assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
	}

	@Test
	void textMessagesGoToTheSmsGatewayWithTheNumberNeverStoredInClear() {
		String key = "sms-" + domain();
		transactions.executeWithoutResult(status -> notifications
			.enqueue(OutgoingMessage.sms("13912345678", "您的会费将于3月31日到期", "dues.reminder", key)));
		assertThat(jdbc.sql("select recipient from notification_outbox where dedup_key = :k").param("k", key)
			.query(String.class).single()).isEqualTo("139****5678");
		awaitShort().until(() -> "SENT".equals(status(key)));
		assertThat(jdbc.sql("select recipient_cipher is null from notification_outbox where dedup_key = :k")
			.param("k", key).query(Boolean.class).single()).as("the number is dropped once sent").isTrue();
		assertThat(notifications.search(OutboxStatus.SENT, org.springframework.data.domain.PageRequest.of(0, 500)))
			.anyMatch(m -> m.recipient().equals("139****5678"));
	}

	@Test
	void anSmsOptOutKeepsNoNumber() {
		String phone = "1380000" + String.format("%04d", System.nanoTime() % 10_000);
		notifications.optOut(Channel.SMS, phone, "dues.reminder");
		assertThat(notifications.isOptedOut(Channel.SMS, phone, "dues.reminder")).isTrue();
		assertThat(enqueue(OutgoingMessage.sms(phone, "提醒", "dues.reminder", "so-" + phone + System.nanoTime())))
			.isEqualTo(EnqueueResult.OPTED_OUT);
		assertThat(jdbc.sql("select count(*) from notification_opt_out where recipient like :p").param("p", "%" + phone + "%")
			.query(Long.class).single()).isZero();
		notifications.optIn(Channel.SMS, phone, "dues.reminder");
		assertThat(notifications.isOptedOut(Channel.SMS, phone, "dues.reminder")).isFalse();
	}

	private EnqueueResult enqueue(String to, String subject, String body, String key) {
		return enqueue(message(to, subject, body, key));
	}

	private EnqueueResult enqueue(OutgoingMessage message) {
		return transactions.execute(status -> notifications.enqueue(message));
	}

	private static OutgoingMessage message(String to, String subject, String body, String key) {
		return OutgoingMessage.mail(to, subject, body, "dues.reminder", key);
	}

	private static ConditionFactory awaitShort() {
		return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50));
	}

	private static String domain() {
		return "t" + System.nanoTime() + ".example.com";
	}

	/** Points the mail sender at a port nothing listens on while {@code during} runs. */
	private void whileTheMailServerIsDown(ThrowingRunnable during) throws Throwable {
		int port = mailSender.getPort();
		mailSender.setPort(deadPort());
		try {
			during.run();
		}
		finally {
			mailSender.setPort(port);
		}
	}

	/** A port nothing listens on: the mail server is "down". */
	private static int deadPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private String status(String key) {
		return jdbc.sql("select status from notification_outbox where dedup_key = :k").param("k", key)
			.query(String.class).single();
	}

	private long id(String key) {
		return jdbc.sql("select id from notification_outbox where dedup_key = :k").param("k", key)
			.query(Long.class).single();
	}

	private int attempts(String key) {
		return jdbc.sql("select attempts from notification_outbox where dedup_key = :k").param("k", key)
			.query(Integer.class).single();
	}

	private long statusCount(String domain, String status) {
		return jdbc.sql("select count(*) from notification_outbox where recipient like :r and status = :s")
			.param("r", "%@" + domain)
			.param("s", status)
			.query(Long.class)
			.single();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
