package org.chamberlink.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour: published activities whose end has passed are marked held (their tally counted, {@link ActivityHeld} published). */
@Component
class ActivitySweep {

	private static final Logger log = LoggerFactory.getLogger(ActivitySweep.class);

	private final ActivityPlanning planning;

	ActivitySweep(ActivityPlanning planning) {
		this.planning = planning;
	}

	@Scheduled(cron = "${chamberlink.activity.sweep-cron:0 5 * * * *}", zone = "Asia/Shanghai")
	void markPastActivitiesHeld() {
		int held = planning.markPastActivitiesHeld();
		if (held > 0) {
			log.info("Marked {} past activities held", held);
		}
	}

}
