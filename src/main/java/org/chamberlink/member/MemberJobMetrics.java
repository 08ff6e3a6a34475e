package org.chamberlink.member;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.chamberlink.shared.JobGauges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The member imports and exports running in the background, as {@code chamberlink.jobs{module="member"}} on {@code /actuator/prometheus} (issue 23). */
@Component
class MemberJobMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	MemberJobMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		JobGauges.register(registry, "member", status -> jdbc.sql("""
				select count(*) from member_job
				where status = :status and (status <> 'FAILED' or finished_at > now() - interval '1 day')
				""").param("status", status).query(Long.class).single());
	}

}
