package org.chamberlink.casework;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open cases past their deadline (to accept, or to resolve), installation-wide, on
 * {@code /actuator/prometheus} (issue 23): the figure the complaint service promises to keep at
 * zero. Counted when scraped over the open cases' partial index; "past" by China's date.
 */
@Component
class CaseMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("chamberlink.cases.overdue", this::overdue)
			.description("Open cases whose deadline (to accept or to resolve) has passed")
			.register(registry);
	}

	private long overdue() {
		return jdbc.sql("""
				select count(*) from service_case
				where state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
				  and case when state = 'SUBMITTED' then accept_due_on else resolve_due_on end < :today
				""").param("today", java.time.LocalDate.now(clock.withZone(ChinaTime.ZONE))).query(Long.class).single();
	}

}
