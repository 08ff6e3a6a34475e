package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.notification.Channel;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The decision on a join application, by staff of its organisation (or above): approval makes the
 * applicant a member (an enterprise already registered elsewhere is attached, decision 20),
 * rejection needs a reason; the applicant is told by text message from the deciding transaction.
 */
@Service
public class JoinApplicationDecisions {

	private final JdbcClient jdbc;

	private final JoinApplications applications;

	private final MemberRegistration registration;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final Notifications notifications;

	private final Clock clock;

	JoinApplicationDecisions(JdbcClient jdbc, JoinApplications applications, MemberRegistration registration,
			PersonalData personalData, AuditTrail audit, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.registration = registration;
		this.personalData = personalData;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Approves: the applicant becomes a member with this role from this date. Returns the party. */
	@Transactional
	public Long approve(Long id, MemberRole role, LocalDate joinedOn) {
		JoinApplication application = applications.get(id);
		requireOpen(application);
		Map<String, Object> stored = jdbc.sql("select id_number_cipher, phone_cipher from join_application where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		JoinApplicationForm form = new JoinApplicationForm(application.kind(), application.name(),
				application.creditCode(), application.enterpriseKind(), application.contactName(),
				application.industryCode(), application.regionCode(),
				personalData.decrypt((byte[]) stored.get("id_number_cipher")),
				personalData.decrypt((byte[]) stored.get("phone_cipher")), application.message());
		Long partyId = registration.register(form.asNewMember(application.orgId(),
				role == null ? MemberRole.MEMBER : role, joinedOn == null ? LocalDate.now(clock) : joinedOn));
		decide(application, "APPROVED", null, partyId);
		return partyId;
	}

	@Transactional
	public void reject(Long id, String reason) {
		JoinApplication application = applications.get(id);
		requireOpen(application);
		if (!StringUtils.hasText(reason)) {
			throw new RuleViolationException("reason", "join.reasonRequired");
		}
		decide(application, "REJECTED", reason.trim(), null);
	}

	private void decide(JoinApplication application, String status, String reason, Long partyId) {
		String decidedBy = SecurityContextHolder.getContext().getAuthentication().getName();
		jdbc.sql("""
				update join_application set status = :status, decision_reason = :reason, decided_by = :by,
				       decided_at = now(), party_id = :party
				where id = :id and status = 'SUBMITTED'
				""")
			.param("id", application.id())
			.param("status", status)
			.param("reason", reason)
			.param("by", decidedBy)
			.param("party", partyId)
			.update();
		tell(application, status, reason);
		audit.record(AuditEntry.of("JOIN_" + status)
			.entity("JoinApplication", application.id())
			.org(application.orgId())
			.summary(application.name())
			.changes(Map.of("status", new Change("SUBMITTED", status))));
	}

	// The applicant is told by text message, queued in the deciding transaction (the outbox sends it).
	private void tell(JoinApplication application, String status, String reason) {
		byte[] cipher = jdbc.sql("select phone_cipher from join_application where id = :id")
			.param("id", application.id())
			.query(byte[].class)
			.single();
		String text = "APPROVED".equals(status)
				? "【" + application.orgName() + "】" + application.name() + "，您的入会申请已通过，欢迎加入！"
				: "【" + application.orgName() + "】" + application.name() + "，您的入会申请未获通过，原因：" + reason
						+ "。如有疑问请与商会联系。";
		notifications.enqueue(new OutgoingMessage(Channel.SMS, personalData.decrypt(cipher), "入会申请结果", text,
				"member.join", "join.decision:" + application.id()));
	}

	private static void requireOpen(JoinApplication application) {
		if (!application.open()) {
			throw new RuleViolationException("status", "join.alreadyDecided");
		}
	}

}
