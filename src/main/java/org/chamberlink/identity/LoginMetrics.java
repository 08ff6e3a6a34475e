package org.chamberlink.identity;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in lock-outs in force on {@code /actuator/prometheus} (issue 23), by what is locked: an
 * account (its password guessed at) or an address (one source trying many accounts) — a rising
 * count is an attack or a forgotten password going round a chamber. From the throttle's table,
 * which every instance shares.
 */
@Component
class LoginMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("chamberlink.login.locked", () -> locked("user:%"))
			.description("Accounts locked after failed sign-ins, now")
			.tag("kind", "account")
			.register(registry);
		Gauge.builder("chamberlink.login.locked", () -> locked("ip:%"))
			.description("Addresses locked after failed sign-ins, now")
			.tag("kind", "address")
			.register(registry);
	}

	private long locked(String keys) {
		return jdbc.sql("select count(*) from login_throttle where throttle_key like :keys and locked_until > :now")
			.param("keys", keys)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

}
