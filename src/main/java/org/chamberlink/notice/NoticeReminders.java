package org.chamberlink.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountEmails;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.shared.ChinaTime;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminding the unread of a notice through the outbox, at most once a day: the recipients not yet
 * reminded today (China time) are marked in one statement, so a second press the same day — or two
 * at once — reminds nobody twice; each message also carries its de-duplication key
 * {@code notice:<id>:remind:<day>:<recipient>}. An organisation is reached at the e-mail addresses
 * of its accounts; a member by mail where their organisation keeps an address, else by SMS.
 */
@Service
public class NoticeReminders {

	static final String TOPIC = "notice";

	/** Who was reminded this time. */
	public record Reminded(int organizations, int members) {

		public int total() {
			return organizations + members;
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

	NoticeReminders(JdbcClient jdbc, Notices notices, AccountManagement accounts, AccountEmails accountEmails, PartyEmails parties,
			Notifications notifications, MessageSource messages, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.accounts = accounts;
		this.accountEmails = accountEmails;
		this.parties = parties;
		this.notifications = notifications;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** Reminds the unread recipients of a notice in scope who were not reminded today. */
	@Transactional
	public Reminded remindUnread(Long noticeId) {
		NoticeView notice = notices.get(noticeId);
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		List<Long> orgs = jdbc.sql("""
				update notice_org_recipient set reminded_on = :today
				where notice_id = :n and read_at is null and (reminded_on is null or reminded_on < :today) returning org_id
				""").param("today", today).param("n", noticeId).query(Long.class).list();
		List<Member> members = jdbc.sql("""
				update notice_member_recipient set reminded_on = :today
				where notice_id = :n and read_at is null and (reminded_on is null or reminded_on < :today) returning party_id, org_id
				""").param("today", today).param("n", noticeId).query(Member.class).list();
		String subject = text("notice.remind.subject", notice.orgName(), notice.title());
		String body = text("notice.remind.body", notice.orgName(), notice.title());
		for (Long org : orgs) {
			for (AccountManagement.AccountSummary account : accounts.inOrganization(org)) {
				if (!account.enabled()) {
					continue;
				}
				accountEmails.of(account.id()).ifPresent(email -> notifications.enqueue(OutgoingMessage.mail(email, subject, body, TOPIC,
						key(noticeId, today, "org-" + org + "-account-" + account.id()))));
			}
		}
		for (Member member : members) {
			String dedup = key(noticeId, today, "party-" + member.partyId());
			Optional<String> email = parties.forNoticeUnscoped(member.partyId(), member.orgId());
			if (email.isPresent()) {
				notifications.enqueue(OutgoingMessage.mail(email.get(), subject, body, TOPIC, dedup));
			}
			else {
				parties.phoneForNoticeUnscoped(member.partyId(), member.orgId())
					.ifPresent(phone -> notifications.enqueue(OutgoingMessage.sms(phone, text("notice.remind.sms", notice.orgName(),
							notice.title()), TOPIC, dedup)));
			}
		}
		if (!orgs.isEmpty() || !members.isEmpty()) {
			audit.record(AuditEntry.of("NOTICE_REMINDED").entity("Notice", noticeId).org(notice.orgId())
				.summary("audit.summary.noticeReminded", notice.title(), orgs.size(), members.size()));
		}
		return new Reminded(orgs.size(), members.size());
	}

	record Member(Long partyId, Long orgId) {
	}

	static String key(Long noticeId, LocalDate day, String recipient) {
		return "notice:" + noticeId + ":remind:" + day + ":" + recipient;
	}

	// notices go out in Chinese, the language of every office and member (decision 9)
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

}
