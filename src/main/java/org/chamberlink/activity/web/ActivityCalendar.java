package org.chamberlink.activity.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.chamberlink.activity.ActivityStatus;
import org.chamberlink.activity.ActivityView;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Activities as an iCalendar document (RFC 5545) for calendar applications: one VEVENT per activity,
 * times in UTC, text escaped and long lines folded at 75 octets, lines ending in CRLF. The UID stays
 * the activity's, so a changed or cancelled activity replaces its event in a subscribed calendar
 * (SEQUENCE follows its version, STATUS says CANCELLED).
 */
@Component
class ActivityCalendar {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private static final int FOLD_AT = 75;

	private final MessageSource messages;

	private final Clock clock;

	ActivityCalendar(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** The calendar as a response: text/calendar in UTF-8, inline under the file name given. */
	ResponseEntity<String> response(String fileName, String calendarName, List<ActivityView> activities,
			Function<ActivityView, String> link) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noCache())
			.header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
			.body(render(calendarName, activities, link));
	}

	String render(String calendarName, List<ActivityView> activities, Function<ActivityView, String> link) {
		List<String> lines = new ArrayList<>();
		lines.add("BEGIN:VCALENDAR");
		lines.add("VERSION:2.0");
		lines.add("PRODID:-//ChamberLink//Activities//ZH");
		lines.add("CALSCALE:GREGORIAN");
		lines.add("METHOD:PUBLISH");
		lines.add("X-WR-CALNAME:" + text(calendarName));
		lines.add("X-WR-TIMEZONE:Asia/Shanghai");
		String stamp = UTC.format(clock.instant());
		for (ActivityView activity : activities) {
			lines.add("BEGIN:VEVENT");
			lines.add("UID:activity-" + activity.id() + "@chamberlink");
			lines.add("DTSTAMP:" + stamp);
			lines.add("DTSTART:" + utc(activity.startsAt()));
			lines.add("DTEND:" + utc(activity.endsAt()));
			lines.add("SEQUENCE:" + activity.version());
			lines.add("SUMMARY:" + text(activity.title()));
			String place = activity.place() != null ? activity.place() : activity.onlineLink();
			if (place != null) {
				lines.add("LOCATION:" + text(place));
			}
			lines.add("DESCRIPTION:" + text(description(activity)));
			lines.add("CATEGORIES:" + text(msg("activityKind." + activity.kind())));
			lines.add("STATUS:" + (activity.status() == ActivityStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
			String url = link.apply(activity);
			if (url != null) {
				lines.add("URL:" + url);
			}
			lines.add("END:VEVENT");
		}
		lines.add("END:VCALENDAR");
		StringBuilder out = new StringBuilder();
		lines.forEach(line -> out.append(fold(line)).append("\r\n"));
		return out.toString();
	}

	private String description(ActivityView activity) {
		List<String> parts = new ArrayList<>();
		parts.add(msg("activity.ics.organizer", activity.orgName() == null ? "" : activity.orgName()));
		List<String> co = new ArrayList<>(activity.coOrganizers());
		if (activity.coOrganizerNames() != null) {
			co.add(activity.coOrganizerNames());
		}
		if (!co.isEmpty()) {
			parts.add(msg("activity.ics.coOrganizers", String.join("、", co)));
		}
		if (activity.place() != null && activity.onlineLink() != null) {
			parts.add(msg("activity.ics.onlineLink", activity.onlineLink()));
		}
		if (activity.status() == ActivityStatus.CANCELLED && activity.cancelReason() != null) {
			parts.add(msg("activity.ics.cancelled", activity.cancelReason()));
		}
		if (activity.agenda() != null) {
			parts.add(activity.agenda());
		}
		return String.join("\n", parts);
	}

	private static String utc(Instant instant) {
		return UTC.format(instant);
	}

	/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\n")
			.replace("\r", "\n")
			.replace("\n", "\\n");
	}

	/**
	 * A content line folded (RFC 5545 3.1): no line longer than 75 octets, each continuation starting
	 * with a space, never inside a character's UTF-8 bytes.
	 */
	static String fold(String line) {
		StringBuilder out = new StringBuilder();
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > FOLD_AT) {
				out.append("\r\n ");
				octets = 1;
			}
			out.append(character);
			octets += size;
			i += Character.charCount(codePoint);
		}
		return out.toString();
	}

	private String msg(String key, Object... args) {
		// calendars read the office's language, as the notices do
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
