package org.chamberlink.shared.figures;

import java.time.LocalDate;

/**
 * The period a figure is asked for, both ends included, in China's dates. Without dates: this
 * year up to today. A figure answers for the part of it its {@link FigureTiming} uses.
 */
public record FigurePeriod(LocalDate from, LocalDate to) {

	/** {@code today} is the injected clock's date (China time): the end of a period given without one. */
	public static FigurePeriod of(LocalDate from, LocalDate to, LocalDate today) {
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.withDayOfYear(1) : from;
		return start.isAfter(end) ? new FigurePeriod(end, start) : new FigurePeriod(start, end);
	}

	public static FigurePeriod thisYear(LocalDate today) {
		return of(null, null, today);
	}

	/** The year a per-year figure answers for: the one in which the period ends. */
	public int year() {
		return to.getYear();
	}

	/** What a figure of this timing actually answers for: today, the period, or the whole year. */
	public FigurePeriod usedBy(FigureTiming timing, LocalDate today) {
		return switch (timing) {
			case TODAY -> new FigurePeriod(today, today);
			case PERIOD -> this;
			case YEAR -> new FigurePeriod(LocalDate.of(year(), 1, 1), LocalDate.of(year(), 12, 31));
			case AS_OF -> new FigurePeriod(to.isAfter(today) ? today : to, to.isAfter(today) ? today : to);
		};
	}

}
