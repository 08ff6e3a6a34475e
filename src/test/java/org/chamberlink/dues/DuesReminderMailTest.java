package org.chamberlink.dues;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.notification.Channel;
import org.chamberlink.notification.Notifications;
import org.chamberlink.support.Api;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestMail;
import org.chamberlink.shared.ChinaTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dues reminders end to end through the outbox to a real SMTP server: in Chinese, once, even when
 * the day's run is repeated while the mail worker is stopped and then restarted; none to a member
 * who opted out; a payment confirmed by mail; nothing more once the bill is paid.
 */
@IntegrationTest
@Tag("database")
class DuesReminderMailTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DuesReminders reminders;

	@Autowired
	Notifications notifications;

	@Autowired
	ApplicationContext context;

	@Test
	void aReminderArrivesOnceBeforeAndOnceAfterTheDueDateAndAPaymentIsConfirmed() throws Exception {
		TestMail.server();
		String domain = "r" + System.nanoTime() + ".example.com";
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "提醒测试省工商联" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区餐饮商会", "130102", county);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long reminded = MemberFixture.enterprise(port, admin, chamber, "长安老字号饭庄", MemberFixture.creditCode(),
				MemberFixture.phone());
		long optedOut = MemberFixture.enterprise(port, admin, chamber, "长安面馆", MemberFixture.creditCode(),
				MemberFixture.phone());
		MemberFixture.enterprise(port, admin, chamber, "无邮箱小吃店", MemberFixture.creditCode(), MemberFixture.phone());
		assertThat(Api.put(port, "/api/v1/parties/" + reminded + "/email", admin, "{\"email\":\"boss@" + domain + "\"}")
			.statusCode()).isEqualTo(200);
		assertThat(Api.put(port, "/api/v1/parties/" + optedOut + "/email", admin, "{\"email\":\"noodles@" + domain + "\"}")
			.statusCode()).isEqualTo(200);
		assertThat(Api.put(port, "/api/v1/parties/" + reminded + "/email", admin, "{\"email\":\"不是邮箱\"}").body())
			.contains("电子邮箱");
		notifications.optOut(Channel.MAIL, "noodles@" + domain, DuesReminders.TOPIC);

		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate due = today.plusDays(10);
		assertThat(Api.put(port, "/api/v1/organizations/" + chamber + "/dues-schedule", admin, "{\"year\":" + today.getYear()
				+ ",\"proration\":\"FULL\",\"dueOn\":\"" + due + "\",\"amounts\":{\"MEMBER\":\"800\"}}").statusCode())
			.isEqualTo(200);
		DuesFixture.bill(port, admin, chamber, today.getYear());

		Lifecycle worker = context.getBean("outboxWorker", Lifecycle.class);
		worker.stop();
		try {
			assertThat(reminders.remind(today)).as("one member with mail who did not opt out").isEqualTo(1);
			assertThat(reminders.remind(today)).as("the same day again").isZero();
		}
		finally {
			worker.start();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> received(domain).size() == 1);
		MimeMessage before = received(domain).get(0);
		assertThat(before.getSubject()).isEqualTo("【长安区餐饮商会】" + today.getYear() + "年度会费缴费提醒");
		// the whole text, from the bundles' mail.dues.* keys, arrives as it was written
		assertThat(text(before)).isEqualTo("长安老字号饭庄：\n\n您好！您在长安区餐饮商会的" + today.getYear()
				+ "年度会费为 ¥800.00，尚欠 ¥800.00，缴费期限为 " + due + "。\n请通过现金、银行转账、微信或支付宝缴纳，"
				+ "转账时请注明会员名称；已缴纳的请忽略本提醒。\n\n如不希望再收到会费提醒邮件，请登录会员服务“我的会费”关闭提醒。"
				+ "\n\n长安区餐饮商会");

		assertThat(reminders.remind(due.plusDays(1))).isEqualTo(1);
		assertThat(reminders.remind(due.plusDays(2))).isZero();
		await().atMost(Duration.ofSeconds(20)).until(() -> received(domain).size() == 2);
		assertThat(received(domain).get(1).getSubject()).isEqualTo("【长安区餐饮商会】" + today.getYear() + "年度会费已逾期，请尽快缴纳");
		assertThat(text(received(domain).get(1))).contains("缴费期限为 " + due + "，现已逾期。");

		long bill = jdbc.sql("select id from dues_bill where party_id = :p").param("p", reminded).query(Long.class).single();
		DuesFixture.pay(port, admin, bill, "800");
		await().atMost(Duration.ofSeconds(20)).until(() -> received(domain).size() == 3);
		MimeMessage confirmation = received(domain).get(2);
		assertThat(confirmation.getSubject()).isEqualTo("【长安区餐饮商会】会费收款确认（收据 000001）");
		assertThat(text(confirmation)).isEqualTo("长安老字号饭庄：\n\n您好！长安区餐饮商会已收到您缴纳的" + today.getYear()
				+ "年度会费 ¥800.00（捌佰元整），收据号 000001。\n可登录会员服务“我的会费”查看并下载收据。\n\n长安区餐饮商会");
		assertThat(reminders.remind(due.plusDays(40))).as("paid: no more reminders").isZero();
		// nothing more arrives over three polls of the worker
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> received(domain).size() == 3);
		assertThat(received(domain).stream().map(DuesReminderMailTest::recipient)).noneMatch(r -> r.startsWith("noodles@"));
	}

	/** The mail's text as written, whatever line ends the transport used. */
	private static String text(MimeMessage message) throws Exception {
		return ((String) message.getContent()).replace("\r\n", "\n").strip();
	}

	private static List<MimeMessage> received(String domain) {
		return Arrays.stream(TestMail.server().getReceivedMessages())
			.filter(m -> recipient(m).endsWith("@" + domain))
			.toList();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}


}
