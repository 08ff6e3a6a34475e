package org.chamberlink.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of cases are the dates in China, whatever the server's zone. */
final class CaseClock {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private CaseClock() {
	}

	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	static LocalDate dateOf(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

}
