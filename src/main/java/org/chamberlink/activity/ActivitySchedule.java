package org.chamberlink.activity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The activity module's timed work, each run once across all instances (ShedLock): every hour,
 * published activities whose end has passed are marked held (their tally counted,
 * {@link ActivityHeld} published); every morning, tomorrow's activities remind those holding a seat.
 */
@Component
class ActivitySchedule {

	private static final Logger log = LoggerFactory.getLogger(ActivitySchedule.class);

	private final ActivityPlanning planning;

	private final ActivityNotices notices;

	ActivitySchedule(ActivityPlanning planning, ActivityNotices notices) {
		this.planning = planning;
		this.notices = notices;
	}

	@Scheduled(cron = "${chamberlink.activity.sweep-cron:0 5 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "activity.mark-held", lockAtLeastFor = "PT1M")
	public void markPastActivitiesHeld() {
		int held = planning.markPastActivitiesHeld();
		if (held > 0) {
			log.info("Marked {} past activities held", held);
		}
	}

	@Scheduled(cron = "${chamberlink.activity.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "activity.reminders", lockAtLeastFor = "PT1M")
	public void remindTomorrow() {
		int queued = notices.remindTomorrow();
		log.info("Activity reminders: {} queued", queued);
	}

}
