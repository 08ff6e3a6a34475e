package org.chamberlink.publication;

import java.util.List;
import java.util.Locale;

import org.chamberlink.member.MemberProfiles;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail to the subscribers a newly published policy applies to (their industries and regions), each
 * once by the outbox's de-duplication key {@code policy:<id>:<party>}.
 */
@Component
class PolicyNotices {

	static final String TOPIC = "policy";

	private final JdbcClient jdbc;

	private final MemberProfiles profiles;

	private final Notifications notifications;

	private final MessageSource messages;

	PolicyNotices(JdbcClient jdbc, MemberProfiles profiles, Notifications notifications, MessageSource messages) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.notifications = notifications;
		this.messages = messages;
	}

	void published(PolicyView policy) {
		record Subscriber(Long party, String email) {
		}
		List<Subscriber> subscribers = jdbc.sql("select party_id, email from policy_subscription order by party_id")
			.query((rs, n) -> new Subscriber(rs.getLong(1), rs.getString(2)))
			.list();
		Locale chinese = Locale.SIMPLIFIED_CHINESE;
		for (Subscriber s : subscribers) {
			MemberProfiles.Profile profile = profiles.ofParty(s.party());
			if (!applies(policy, profile)) {
				continue;
			}
			String subject = messages.getMessage("policy.mail.subject", new Object[] { policy.title() }, chinese);
			String body = messages.getMessage("policy.mail.body", new Object[] { policy.title(), policy.issuer(),
					policy.docNumber() == null ? "" : policy.docNumber(), policy.issuedOn().toString() }, chinese);
			notifications.enqueue(OutgoingMessage.mail(s.email(), subject, body, TOPIC, "policy:" + policy.id() + ":" + s.party()));
		}
	}

	static boolean applies(PolicyView policy, MemberProfiles.Profile profile) {
		boolean industry = policy.industryCodes().isEmpty() || policy.industryCodes().stream().anyMatch(profile.industryCodes()::contains);
		boolean region = policy.regionCodes().isEmpty()
				|| policy.regionCodes().stream().anyMatch(c -> profile.regionCodes().stream().anyMatch(r -> r.startsWith(c)));
		return industry && region;
	}

}
