package org.chamberlink.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates the calendar has and the system can mean (decision 30). Every date typed or imported lies
 * between {@link #EARLIEST} and {@link #LATEST}: year 0, year 99999 or 9999-12-31 are typing
 * slips, not days anyone records. An import cell is read strictly: 2023-02-30 is no day (it is not
 * quietly made 2023-02-28), in the forms people type (2023-5-1, 2023/5/1, 2023.5.1, 20230501,
 * 2023年5月1日) or as Excel stores a date (days since 1899-12-30). One reader for every import.
 */
public final class CalendarDates {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

	private static final List<DateTimeFormatter> TYPED = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd",
			"uuuu年M月d日")
		.stream()
		.map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	/** Excel's day number (days since 1899-12-30), as a cell's value reads. */
	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

	/** A time after the day (2023-05-01 08:00, 2023-05-01T08:00) is not read. */
	private static final Pattern TIME = Pattern.compile("[ T]");

	private CalendarDates() {
	}

	public static boolean plausible(LocalDate date) {
		return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
	}

	/** A cell's date, or null when it holds no day the calendar has (or none the system can mean). */
	public static LocalDate read(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		LocalDate date = null;
		// the patterns compiled once: an import reads up to 200,000 of these
		if (SERIAL.matcher(value).matches()) {
			int point = value.indexOf('.');
			date = LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(point < 0 ? value : value.substring(0, point)));
		}
		else {
			String day = TIME.split(value, 2)[0];
			for (DateTimeFormatter format : TYPED) {
				try {
					date = LocalDate.parse(day, format);
					break;
				}
				catch (DateTimeParseException tryNext) {
					// the next form
				}
			}
		}
		return plausible(date) ? date : null;
	}

	/** Refuses a date outside the plausible range, naming the field and saying the range. */
	public static void requirePlausible(String field, String label, LocalDate date) {
		if (!plausible(date)) {
			throw new RuleViolationException(field, "input.dateRange",
					new org.springframework.context.support.DefaultMessageSourceResolvable(label), EARLIEST, LATEST);
		}
	}

	/** Refuses a day after {@code today}: what happened (a payment, a visit, a case received) has not happened tomorrow. */
	public static void requireNotFuture(String field, String label, LocalDate date, LocalDate today) {
		if (date != null && date.isAfter(today)) {
			throw new RuleViolationException(field, "input.dateFuture",
					new org.springframework.context.support.DefaultMessageSourceResolvable(label));
		}
	}

	/**
	 * Refuses a day before something began, when that is known: a visit or a case before its
	 * organisation was founded ({@code beganKey} input.beforeFounded), a payment before the
	 * membership started (input.beforeJoined).
	 */
	public static void requireNotBefore(String field, String label, LocalDate date, LocalDate began, String beganKey) {
		if (date != null && began != null && date.isBefore(began)) {
			throw new RuleViolationException(field, beganKey,
					new org.springframework.context.support.DefaultMessageSourceResolvable(label), began);
		}
	}

}
