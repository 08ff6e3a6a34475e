package org.chamberlink.casework;

import java.time.LocalDate;

import org.chamberlink.support.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The casework module with only the modules it declares: time limits count working days from the
 * calendar its migration lists, so the National Day week is skipped and its make-up Saturday counts.
 */
@ModuleTest
class CaseworkModuleTest {

	@Autowired
	WorkingCalendar calendar;

	@Test
	void theNationalDayHolidayIsSkippedAndItsMakeUpSaturdayCounts() {
		// Wednesday 30 September 2026; 1–7 October are holidays, Saturday 10 October is worked
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
	}

}
