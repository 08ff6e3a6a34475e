package org.chamberlink.shared;

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

	/**
	 * {@code FIRST_YEAR}..{@code LAST_YEAR}: the years a visit plan, a dues schedule or a billing run
	 * may be for. The year inputs of those pages carry the same min and max.
	 */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	private ChinaTime() {
	}

	/** Whether a visit plan, a dues schedule or a billing run may be for this year. */
	public static boolean isPlannableYear(Integer year) {
		return year != null && year >= FIRST_YEAR && year <= LAST_YEAR;
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
