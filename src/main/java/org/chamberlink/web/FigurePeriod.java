package org.chamberlink.web;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The period a figure is asked for, both ends included, in China's dates. Without dates: this
 * year up to today. A figure answers for the part of it its {@link FigureTiming} uses.
 */
public record FigurePeriod(LocalDate from, LocalDate to) {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static FigurePeriod of(LocalDate from, LocalDate to) {
		LocalDate end = to == null ? today() : to;
		LocalDate start = from == null ? end.withDayOfYear(1) : from;
		return start.isAfter(end) ? new FigurePeriod(end, start) : new FigurePeriod(start, end);
	}

	public static FigurePeriod thisYear() {
		return of(null, null);
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** The year a per-year figure answers for: the one in which the period ends. */
	public int year() {
		return to.getYear();
	}

	/** What a figure of this timing actually answers for: today, the period, or the whole year. */
	public FigurePeriod usedBy(FigureTiming timing) {
		return switch (timing) {
			case TODAY -> new FigurePeriod(today(), today());
			case PERIOD -> this;
			case YEAR -> new FigurePeriod(LocalDate.of(year(), 1, 1), LocalDate.of(year(), 12, 31));
		};
	}

}
