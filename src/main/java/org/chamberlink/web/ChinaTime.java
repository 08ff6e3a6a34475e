package org.chamberlink.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * China time (Asia/Shanghai), whatever the server's zone: the offices read every date and time on
 * their own clock. "Now" and "today" come from the injected {@link java.time.Clock} bean
 * ({@link ClockConfiguration}), which runs in this zone: {@code clock.instant()},
 * {@code LocalDate.now(clock)}. Records use {@link #of} to show a stored instant on a page.
 * Kept in the web shell until a shared kernel exists (issue 13).
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}

	/** The instant as a date and time in China, or null. */
	public static LocalDateTime of(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
	}

	/** The moment as a date and time in China, or null. */
	public static LocalDateTime of(OffsetDateTime moment) {
		return moment == null ? null : moment.atZoneSameInstant(ZONE).toLocalDateTime();
	}

}
