package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.notification.Channel;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	JoinApplicationDecisions(JdbcClient jdbc, JoinApplications applications, MemberRegistration registration,
			PersonalData personalData, AuditTrail audit, Notifications notifications, Clock clock,
			MessageSource messages) {
		this.messages = messages;
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
		org.chamberlink.shared.TextLimit.atMost("reason", "join.reason", reason, 500);
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
		// The wording is the bundles' (sms.join.*), in Chinese like every notice (decision 9).
		String text = "APPROVED".equals(status)
				? sms("sms.join.approved", application.orgName(), application.name())
				: sms("sms.join.rejected", application.orgName(), application.name(), reason);
		notifications.enqueue(new OutgoingMessage(Channel.SMS, personalData.decrypt(cipher), sms("sms.join.subject"),
				text, "member.join", "join.decision:" + application.id()));
	}

	private String sms(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	private static void requireOpen(JoinApplication application) {
		if (!application.open()) {
			throw new RuleViolationException("status", "join.alreadyDecided");
		}
	}

}
