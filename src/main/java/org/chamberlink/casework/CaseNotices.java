package org.chamberlink.casework;

import java.time.Instant;
import java.time.LocalDate;

import org.chamberlink.identity.AccountEmails;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.notification.EnqueueResult;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;

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

	CaseNotices(JdbcClient jdbc, Notifications notifications, PartyEmails partyEmails, AccountEmails accountEmails) {
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
		partyEmails.forNoticeUnscoped(subject.partyId(), subject.orgId()).ifPresent(email -> notifications.enqueue(OutgoingMessage.mail(email,
				"【" + subject.orgName() + "】您的" + kindName(subject.kind()) + " " + subject.number() + "："
						+ stateName(subject.state()),
				subject.partyName() + "：\n\n您好！您提交的" + kindName(subject.kind()) + "“" + subject.title() + "”（编号 "
						+ subject.number() + "）现在的状态是：" + stateName(subject.state()) + "。"
						+ (subject.comment() == null ? "" : "\n说明：" + subject.comment())
						+ "\n\n请登录会员服务“我的诉求”查看办理经过" + (subject.state().open() ? "。" : "并评价办理结果。")
						+ "\n\n" + subject.orgName(),
				TOPIC, "case:" + caseId + ":step:" + stepId)));
	}

	/** Tells a newly assigned handler. */
	void assigned(Long caseId, Long stepId, Long accountId, LocalDate dueOn) {
		Subject subject = subject(caseId, stepId);
		accountEmails.of(accountId).ifPresent(email -> notifications.enqueue(OutgoingMessage.mail(email,
				"【商联通】分派给您的" + kindName(subject.kind()) + " " + subject.number(),
				"您好！" + kindName(subject.kind()) + "“" + subject.title() + "”（编号 " + subject.number() + "）已分派给您办理"
						+ (dueOn == null ? "。" : "，办结期限 " + dueOn + "。")
						+ (subject.comment() == null ? "" : "\n说明：" + subject.comment()) + "\n\n" + subject.orgName(),
				TOPIC, "case:" + caseId + ":assigned:" + stepId)));
	}

	/** Reminds the handler the day before a case falls due; once per case, state and due date. True if queued now. */
	boolean nearlyDue(Long caseId, Long accountId, CaseState state, LocalDate dueOn) {
		Subject subject = subject(caseId, null);
		return accountEmails.of(accountId).map(email -> notifications.enqueue(OutgoingMessage.mail(email,
				"【商联通】" + kindName(subject.kind()) + " " + subject.number() + " 即将超期",
				"您好！" + kindName(subject.kind()) + "“" + subject.title() + "”（编号 " + subject.number() + "）须在 " + dueOn
						+ " 前" + (state == CaseState.SUBMITTED ? "受理" : "办结") + "，请及时处理。\n\n" + subject.orgName(),
				TOPIC, "case:" + caseId + ":due:" + state + ":" + dueOn + ":" + accountId)) == EnqueueResult.ENQUEUED)
			.orElse(false);
	}

	private Subject subject(Long caseId, Long stepId) {
		return jdbc.sql("""
				select c.id, c.kind, c.state, c.title, c.org_id, o.name as org_name, c.party_id, p.name as party_name, c.filed_at,
				       (select s.comment from case_step s where s.id = :step) as comment
				from service_case c join organization o on o.id = c.org_id left join party p on p.id = c.party_id
				where c.id = :id
				""")
			.param("id", caseId)
			.param("step", stepId)
			.query(Subject.class)
			.single();
	}

	private static String kindName(CaseKind kind) {
		return switch (kind) {
			case NEED -> "需求";
			case COMPLAINT -> "投诉";
			case MEDIATION -> "调解申请";
		};
	}

	private static String stateName(CaseState state) {
		return switch (state) {
			case SUBMITTED -> "已提交，待受理";
			case ACCEPTED -> "已受理";
			case IN_PROGRESS -> "办理中";
			case RESOLVED -> "已办结";
			case UNRESOLVED -> "已结案（未能解决）";
			case REJECTED -> "不予受理";
		};
	}

}
