package org.chamberlink.notification;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox on {@code /actuator/prometheus} (issue 23): messages waiting to go (pending, being
 * sent, failed and to be retried) and those given up on (dead) — a mail server that is down shows
 * as a growing backlog long before anyone misses a reminder. Counted when scraped, over the partial
 * indexes of the due messages and of the dead ones.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private static final Map<String, String> STATUSES = Map.of("pending", "PENDING", "sending", "SENDING", "failed", "FAILED",
			"dead", "DEAD");

	private final JdbcClient jdbc;

	OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		STATUSES.forEach((tag, status) -> Gauge.builder("chamberlink.outbox.messages", () -> count(status))
			.description("Outbox messages not sent, by status (failed ones are retried; dead ones are not)")
			.tag("status", tag)
			.register(registry));
	}

	private long count(String status) {
		return jdbc.sql("select count(*) from notification_outbox where status = :status").param("status", status)
			.query(Long.class).single();
	}

}
