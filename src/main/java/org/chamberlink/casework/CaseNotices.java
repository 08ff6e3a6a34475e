package org.chamberlink.casework;

import java.util.List;
import java.util.Locale;

import java.time.Instant;
import java.time.LocalDate;

import org.chamberlink.identity.AccountEmails;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.notification.EnqueueResult;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;

import org.chamberlink.member.Members;
import org.chamberlink.organization.Organizations;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail about cases, written into the outbox in the same transaction as the change: the member
 * hears of every change of state of their case; the handler of an assignment and of a case about
 * to go overdue. Nobody without an address is written to.
 */
@Component
class CaseNotices {

	static final String TOPIC = "casework";

	private record Subject(Long id, CaseKind kind, CaseState state, String title, Long orgId, String orgName, Long partyId,
			String partyName, Instant filedAt, String comment) {

		String number() {
			return kind.number(filedAt, id);
		}

	}

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final PartyEmails partyEmails;

	private final AccountEmails accountEmails;

	private final MessageSource messages;

	private final Organizations organizations;

	private final Members members;

	CaseNotices(JdbcClient jdbc, Notifications notifications, PartyEmails partyEmails, AccountEmails accountEmails,
			MessageSource messages, Organizations organizations, Members members) {
		this.messages = messages;
		this.organizations = organizations;
		this.members = members;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.partyEmails = partyEmails;
		this.accountEmails = accountEmails;
	}

	/** Tells the member what happened in the given step (no mail for a case without a member). */
	void stateChanged(Long caseId, Long stepId) {
		Subject subject = subject(caseId, stepId);
		if (subject.partyId() == null) {
			return;
		}
		String kind = label("caseKind." + subject.kind());
		String state = label("caseState." + subject.state());
		String dedup = "case:" + caseId + ":step:" + stepId;
		java.util.Optional<String> email = partyEmails.forNoticeUnscoped(subject.partyId(), subject.orgId());
		if (email.isPresent()) {
			notifications.enqueue(OutgoingMessage.mail(email.get(),
					text("mail.case.changed.subject", subject.orgName(), kind, subject.number(), state),
					text("mail.case.changed.body", subject.partyName(), kind, subject.title(), subject.number(), state,
							comment(subject),
							text(subject.state().open() ? "mail.case.changed.follow" : "mail.case.changed.rate"),
							subject.orgName()),
					TOPIC, dedup));
			return;
		}
		// no address kept: the portal promised "受理后会通知您", so a text message to the mobile number
		partyEmails.phoneForNoticeUnscoped(subject.partyId(), subject.orgId())
			.ifPresent(phone -> notifications.enqueue(OutgoingMessage.sms(phone,
					text("sms.case.changed", subject.orgName(), subject.partyName(), kind, subject.number(), state,
							text(subject.state().open() ? "sms.case.changed.follow" : "sms.case.changed.rate")),
					TOPIC, dedup)));
	}

	/** Tells a newly assigned handler. */
	void assigned(Long caseId, Long stepId, Long accountId, LocalDate dueOn) {
		Subject subject = subject(caseId, stepId);
		String kind = label("caseKind." + subject.kind());
		accountEmails.of(accountId).ifPresent(email -> notifications.enqueue(OutgoingMessage.mail(email,
				text("mail.case.assigned.subject", kind, subject.number()),
				text("mail.case.assigned.body", kind, subject.title(), subject.number(),
						dueOn == null ? "" : text("mail.case.assigned.due", dueOn.toString()), comment(subject),
						subject.orgName()),
				TOPIC, "case:" + caseId + ":assigned:" + stepId)));
	}

	/** Reminds the handler the day before a case falls due; once per case, state and due date. True if queued now. */
	boolean nearlyDue(Long caseId, Long accountId, CaseState state, LocalDate dueOn) {
		Subject subject = subject(caseId, null);
		String kind = label("caseKind." + subject.kind());
		return accountEmails.of(accountId).map(email -> notifications.enqueue(OutgoingMessage.mail(email,
				text("mail.case.due.subject", kind, subject.number()),
				text(state == CaseState.SUBMITTED ? "mail.case.due.accept" : "mail.case.due.resolve", kind,
						subject.title(), subject.number(), dueOn.toString(), subject.orgName()),
				TOPIC, "case:" + caseId + ":due:" + state + ":" + dueOn + ":" + accountId)) == EnqueueResult.ENQUEUED)
			.orElse(false);
	}

	private Subject subject(Long caseId, Long stepId) {
		Subject subject = jdbc.sql("""
				select c.id, c.kind, c.state, c.title, c.org_id, null as org_name, c.party_id, null as party_name,
				       c.filed_at, (select s.comment from case_step s where s.id = :step) as comment
				from service_case c
				where c.id = :id
				""")
			.param("id", caseId)
			.param("step", stepId)
			.query(Subject.class)
			.single();
		return new Subject(subject.id(), subject.kind(), subject.state(), subject.title(), subject.orgId(),
				organizations.namesUnscoped(List.of(subject.orgId())).get(subject.orgId()), subject.partyId(),
				subject.partyId() == null ? null : members.nameUnscoped(subject.partyId()), subject.filedAt(),
				subject.comment());
	}

	private String comment(Subject subject) {
		return subject.comment() == null ? "" : text("mail.case.comment", subject.comment());
	}

	// notices go out in Chinese, the language of every office and member (decision 9)
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	private String label(String key) {
		return text(key);
	}

}
