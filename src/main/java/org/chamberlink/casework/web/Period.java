package org.chamberlink.casework.web;

import java.time.LocalDate;

/** A period of filing dates; by default the current year up to today (China time, from the caller's clock). */
record Period(LocalDate from, LocalDate to) {

	static Period of(LocalDate from, LocalDate to, LocalDate today) {
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? LocalDate.of(end.getYear(), 1, 1) : from;
		return start.isAfter(end) ? new Period(end, start) : new Period(start, end);
	}

}
