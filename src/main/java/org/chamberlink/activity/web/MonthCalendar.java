package org.chamberlink.activity.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chamberlink.activity.ActivityView;

/**
 * A month as the calendar page draws it: weeks from Monday, each day with its activities; on a
 * phone the same days show as a list of those that have any.
 */
public record MonthCalendar(YearMonth month, List<List<Day>> weeks) {

	public record Day(LocalDate date, boolean inMonth, boolean today, List<ActivityView> activities) {
	}

	static MonthCalendar of(YearMonth month, List<ActivityView> activities, LocalDate today) {
		Map<LocalDate, List<ActivityView>> byDay = activities.stream()
			.collect(Collectors.groupingBy(a -> a.startsLocal().toLocalDate()));
		LocalDate first = month.atDay(1).with(DayOfWeek.MONDAY);
		if (first.isAfter(month.atDay(1))) {
			first = first.minusWeeks(1);
		}
		List<List<Day>> weeks = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(month.atEndOfMonth()); ) {
			List<Day> week = new ArrayList<>();
			for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
				List<ActivityView> those = byDay.getOrDefault(day, List.of()).stream()
					.sorted(java.util.Comparator.comparing(ActivityView::startsAt)).toList();
				week.add(new Day(day, YearMonth.from(day).equals(month), day.equals(today), those));
			}
			weeks.add(week);
		}
		return new MonthCalendar(month, weeks);
	}

	/** The month typed in the address (2026-12), or the fallback for none, nonsense or a year out of range. */
	static YearMonth parse(String month, YearMonth fallback) {
		try {
			YearMonth parsed = month == null || month.isBlank() ? fallback : YearMonth.parse(month);
			return org.chamberlink.shared.ChinaTime.isPlannableYear(parsed.getYear()) ? parsed : fallback;
		}
		catch (java.time.format.DateTimeParseException e) {
			return fallback;
		}
	}

	public YearMonth previous() {
		return month.minusMonths(1);
	}

	public YearMonth next() {
		return month.plusMonths(1);
	}

	/** The days of the month that have activities, for the phone's list. */
	public List<Day> busyDays() {
		return weeks.stream().flatMap(List::stream).filter(day -> day.inMonth() && !day.activities().isEmpty()).toList();
	}

}
