package org.chamberlink.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.chamberlink.member.PartyEmails;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.ChinaTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members hear of activities, through the outbox (mail where the organisation keeps an
 * address, else SMS), each notice once per person and activity by its de-duplication key: the
 * invitation when an invitation-list or governance meeting is published, the reminder the day
 * before to everyone holding a seat (guests by SMS), and the news of moving up from the waiting list.
 */
@Component
class ActivityNotices {

	static final String TOPIC = "activity";

	private static final Logger log = LoggerFactory.getLogger(ActivityNotices.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final PartyEmails parties;

	private final PersonalData personalData;

	private final MessageSource messages;

	private final Clock clock;

	private final Activities activities;

	ActivityNotices(Activities activities, JdbcClient jdbc, Notifications notifications, PartyEmails parties, PersonalData personalData,
			MessageSource messages, Clock clock) {
		this.activities = activities;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.parties = parties;
		this.personalData = personalData;
		this.messages = messages;
		this.clock = clock;
	}

	/** Invites the audience of a published invitation-list or governance meeting; the open audiences find it in the portal. */
	int invite(ActivityView activity) {
		if (activity.audience() == Audience.SUBTREE || activity.audience() == Audience.CHOSEN && !activity.kind().governance()) {
			return 0;
		}
		List<Long> parties = jdbc.sql("""
				select distinct m.party_id from activity a join published_membership m on %s where a.id = :activity
				""".formatted(AudienceSql.MEMBER_OF_AUDIENCE))
			.param("activity", activity.id())
			.param("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)))
			.query(Long.class)
			.list();
		parties.forEach(party -> toMember(activity, party, "invitation", "activity.notice.invitation"));
		return parties.size();
	}

	void invited(ActivityView activity, Long party) {
		toMember(activity, party, "invitation", "activity.notice.invitation");
	}

	void movedUp(ActivityView activity, Long party) {
		toMember(activity, party, "movedUp", "activity.notice.movedUp");
	}

	void cancelled(ActivityView activity, String reason) {
		jdbc.sql("select party_id from activity_attendee where activity_id = :activity and status <> 'CANCELLED' and party_id is not null")
			.param("activity", activity.id())
			.query(Long.class)
			.list()
			.forEach(party -> toMember(activity, party, "cancelled", "activity.notice.cancelled", reason));
	}

	/** Every morning: the activities of tomorrow (China time) remind those holding a seat. */
	@Transactional
	public int remindTomorrow() {
		LocalDate tomorrow = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(1);
		List<ActivityView> tomorrows = activities.named(jdbc.sql(ActivityView.COLUMNS + " where a.status = 'PUBLISHED' and a.starts_at >= :from and a.starts_at < :to")
			.param("from", java.sql.Timestamp.from(tomorrow.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", java.sql.Timestamp.from(tomorrow.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query(ActivityView.MAPPER)
			.list());
		int reminded = 0;
		for (ActivityView activity : tomorrows) {
			for (Seat seat : jdbc.sql("""
					select id, party_id, guest_phone_cipher from activity_attendee where activity_id = :activity and status = 'REGISTERED'
					""").param("activity", activity.id()).query(Seat.class).list()) {
				if (seat.partyId() != null) {
					toMember(activity, seat.partyId(), "reminder", "activity.notice.reminder");
				}
				else {
					notifications.enqueue(OutgoingMessage.sms(personalData.decrypt(seat.guestPhoneCipher()),
							text("activity.notice.reminder.sms.guest", activity.title(), when(activity), place(activity)), TOPIC,
							"activity:" + activity.id() + ":reminder:guest-" + seat.id()));
				}
				reminded++;
			}
		}
		if (reminded > 0) {
			log.info("Reminded {} people of {} activities tomorrow", reminded, tomorrows.size());
		}
		return reminded;
	}

	record Seat(Long id, Long partyId, byte[] guestPhoneCipher) {
	}

	private void toMember(ActivityView activity, Long party, String what, String key, Object... extra) {
		String dedup = "activity:" + activity.id() + ":" + what + ":" + party;
		Object[] args = arguments(activity, extra);
		Optional<String> email = parties.forNoticeUnscoped(party, activity.orgId());
		if (email.isPresent()) {
			notifications.enqueue(OutgoingMessage.mail(email.get(), text(key + ".subject", args), text(key + ".body", args), TOPIC,
					dedup));
			return;
		}
		parties.phoneForNoticeUnscoped(party, activity.orgId())
			.ifPresent(phone -> notifications.enqueue(OutgoingMessage.sms(phone, text(key + ".sms", args), TOPIC, dedup)));
	}

	private Object[] arguments(ActivityView activity, Object... extra) {
		Object[] args = new Object[4 + extra.length];
		args[0] = activity.orgName();
		args[1] = activity.title();
		args[2] = when(activity);
		args[3] = place(activity);
		System.arraycopy(extra, 0, args, 4, extra.length);
		return args;
	}

	private static String when(ActivityView activity) {
		return WHEN.format(activity.startsLocal());
	}

	private String place(ActivityView activity) {
		return activity.place() != null ? activity.place() : activity.onlineLink();
	}

	// notices go out in Chinese, the language of every office and member (decision 9)
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

}
