package org.chamberlink.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An activity's check-in code {@code <id>.<signature>}: the signature a keyed hash of the id under the
 * installation's personal-data key, so nobody can make a code from an id. Checking a code refuses a
 * forged one, another activity's and one outside the window, each with its own message.
 */
@Component
class CheckInCodes {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	CheckInCodes(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** The code of an activity (the caller has checked the scope). */
	String of(Long activityId) {
		return activityId + "." + signature(activityId);
	}

	/** The check itself, without the organiser's name the page shows (a tap needs only the activity's row). */
	ActivityView verified(Long activityId, String code) {
		ActivityView activity = jdbc.sql(ActivityView.COLUMNS + " where a.id = :id").param("id", activityId)
			.query(ActivityView.MAPPER).optional()
			.orElseThrow(() -> new RuleViolationException("code", "activity.checkIn.codeInvalid"));
		int dot = code == null ? -1 : code.indexOf('.');
		Long codeFor = dot <= 0 ? null : parseId(code.substring(0, dot));
		if (codeFor == null || !signatureMatches(codeFor, code.substring(dot + 1))) {
			throw new RuleViolationException("code", "activity.checkIn.codeInvalid");
		}
		if (!codeFor.equals(activityId)) {
			throw new RuleViolationException("code", "activity.checkIn.otherActivity");
		}
		if (activity.status() == ActivityStatus.CANCELLED || activity.status() == ActivityStatus.DRAFT) {
			throw new RuleViolationException("code", "activity.checkIn.notOpen");
		}
		Instant now = clock.instant();
		if (now.isBefore(activity.checkInOpensAt())) {
			throw new RuleViolationException("code", "activity.checkIn.tooEarly", opensAt(activity));
		}
		if (now.isAfter(activity.endsAt())) {
			throw new RuleViolationException("code", "activity.checkIn.over");
		}
		return activity;
	}

	private String signature(Long activityId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(
				java.util.Arrays.copyOf(personalData.hash("activity-check-in:" + activityId), 16));
	}

	private boolean signatureMatches(Long activityId, String given) {
		return MessageDigest.isEqual(signature(activityId).getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * When check-in opens, in China time, as the message shows it: a message's {@code {0,date}} would
	 * take neither an Instant nor the server's zone for China's.
	 */
	static String opensAt(ActivityView activity) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(ChinaTime.of(activity.checkInOpensAt()));
	}

	private static Long parseId(String text) {
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
