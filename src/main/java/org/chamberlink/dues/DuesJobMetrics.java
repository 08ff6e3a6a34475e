package org.chamberlink.dues;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.chamberlink.shared.JobGauges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dues billing runs, as {@code chamberlink.jobs{module="dues"}} on {@code /actuator/prometheus} (issue 23). */
@Component
class DuesJobMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	DuesJobMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		JobGauges.register(registry, "dues", status -> jdbc.sql("""
				select count(*) from dues_billing_run
				where status = :status and (status <> 'FAILED' or finished_at > now() - interval '1 day')
				""").param("status", status).query(Long.class).single());
	}

}
