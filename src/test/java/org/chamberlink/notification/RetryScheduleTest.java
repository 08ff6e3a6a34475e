package org.chamberlink.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

	@Test
	void theDelayDoublesFromTheBaseUpToTheMaximum() {
		var schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), 8);
		assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofMinutes(256));
		assertThat(schedule.delayAfter(10)).isEqualTo(Duration.ofHours(6));
		assertThat(schedule.delayAfter(1000)).as("no overflow").isEqualTo(Duration.ofHours(6));
	}

	@Test
	void itGivesUpAtTheLastAttempt() {
		var schedule = new RetrySchedule(Duration.ofMillis(200), Duration.ofSeconds(1), 3);
		assertThat(schedule.givesUpAfter(2)).isFalse();
		assertThat(schedule.givesUpAfter(3)).isTrue();
		assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofMillis(400));
		assertThat(schedule.delayAfter(4)).isEqualTo(Duration.ofSeconds(1));
	}

}
