package org.chamberlink.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The database on {@code /actuator/health} as {@code db} (issue 23, decision 54), in place of
 * Boot's check, which waits as long as the database makes it: a connection from the pool (at most
 * the pool's connection timeout) and {@code select 1} with a query timeout
 * ({@code chamberlink.health.database-timeout}, 2 s). No answer in time is DOWN; an answer slower
 * than {@code chamberlink.health.database-slow-after} (1 s) is DEGRADED — the instance still serves,
 * so the status answers 200 (management.endpoint.health.status in application.yml) — with the time
 * taken in the details.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "answering, but slowly");

	private final DataSource dataSource;

	private final Duration slowAfter;

	private final Duration timeout;

	DatabaseHealth(DataSource dataSource, @Value("${chamberlink.health.database-slow-after:1s}") Duration slowAfter,
			@Value("${chamberlink.health.database-timeout:2s}") Duration timeout) {
		this.dataSource = dataSource;
		this.slowAfter = slowAfter;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
			statement.execute("select 1");
		}
		catch (SQLException e) {
			return Health.down()
				.withDetail("database", "PostgreSQL")
				.withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
				.withDetail("tookMillis", millisSince(started))
				.build();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Health.Builder health = took.compareTo(slowAfter) > 0 ? Health.status(DEGRADED) : Health.up();
		return health.withDetail("database", "PostgreSQL")
			.withDetail("tookMillis", took.toMillis())
			.withDetail("slowAfterMillis", slowAfter.toMillis())
			.build();
	}

	private static long millisSince(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

}
