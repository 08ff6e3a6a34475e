package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days: Monday to Friday, except the listed public holidays, plus the listed make-up
 * working days (调休) that fall on a weekend. Time limits count in these days.
 */
@Service
public class WorkingCalendar {

	/** A listed day: a holiday (not working) or a make-up working day. */
	public record ListedDay(LocalDate day, boolean working, String name) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	WorkingCalendar(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The day on which {@code days} working days after {@code from} have passed: a case filed on a
	 * Friday with one day to accept must be accepted by the Monday.
	 */
	@Transactional(readOnly = true)
	public LocalDate addWorkingDays(LocalDate from, int days) {
		// a generous window: at most a week-long holiday per five working days
		Map<LocalDate, Boolean> listed = listed(from, from.plusDays(days * 3L + 30));
		LocalDate day = from;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorking(day, listed)) {
				counted++;
			}
		}
		return day;
	}

	/** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 when {@code to} is not later. */
	@Transactional(readOnly = true)
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		Map<LocalDate, Boolean> listed = listed(from, to);
		int counted = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorking(day, listed)) {
				counted++;
			}
		}
		return counted;
	}

	@Transactional(readOnly = true)
	public List<ListedDay> year(int year) {
		return jdbc.sql("select day, working, name from calendar_day where day >= :from and day < :to order by day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(ListedDay.class)
			.list();
	}

	@Transactional
	@PreAuthorize(RoleGroups.SYSTEM)
	public void list(LocalDate day, boolean working, String name) {
		if (day == null) {
			throw new RuleViolationException("day", "calendar.dayRequired");
		}
		org.chamberlink.shared.CalendarDates.requirePlausible("day", "calendar.day", day);
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			throw new RuleViolationException("name", "calendar.nameRequired");
		}
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (working != weekend) {
			// a holiday on a weekend or a make-up day on a weekday would change nothing
			throw new RuleViolationException("day", working ? "calendar.workingOnWeekday" : "calendar.holidayOnWeekend");
		}
		jdbc.sql("""
				insert into calendar_day (day, working, name) values (:day, :working, :name)
				on conflict (day) do update set working = excluded.working, name = excluded.name
				""").param("day", day).param("working", working).param("name", name.strip()).update();
		audit.record(AuditEntry.of("CALENDAR_DAY").entity("CalendarDay", day.toString()).summary(name.strip()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.SYSTEM)
	public void unlist(LocalDate day) {
		jdbc.sql("delete from calendar_day where day = :day").param("day", day).update();
		audit.record(AuditEntry.of("CALENDAR_DAY_REMOVED").entity("CalendarDay", day.toString()));
	}

	private Map<LocalDate, Boolean> listed(LocalDate from, LocalDate to) {
		Map<LocalDate, Boolean> listed = new HashMap<>();
		jdbc.sql("select day, working from calendar_day where day > :from and day <= :to")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> listed.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working")))
			.list();
		return listed;
	}

	private static boolean isWorking(LocalDate day, Map<LocalDate, Boolean> listed) {
		Boolean override = listed.get(day);
		if (override != null) {
			return override;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
