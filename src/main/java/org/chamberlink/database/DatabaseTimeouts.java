package org.chamberlink.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Bounds on every pooled connection (decision 54), for the embedded database and an external one
 * alike: a statement that runs longer than {@code chamberlink.database.statement-timeout} (default
 * 2 minutes) is cancelled, and a wait for a row another transaction holds longer than
 * {@code chamberlink.database.lock-timeout} (default 10 seconds) gives up. A slow or stuck database
 * thus answers the request with a clear message (web.UnroutedErrorHandler: 503, or 409 for the lock)
 * instead of holding a request thread for as long as it likes. {@code 0} switches either off. A
 * request waits at most {@code chamberlink.database.connection-timeout} (default 3 seconds) for a
 * connection, so a database that is down answers 503 within seconds (web.DatabaseOutage).
 * Flyway's migrations run without them (spring.flyway.init-sqls).
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor, EnvironmentAware {

	private Duration statementTimeout = Duration.ofMinutes(2);

	private Duration lockTimeout = Duration.ofSeconds(10);

	private Duration connectionTimeout = Duration.ofSeconds(3);

	@Override
	public void setEnvironment(Environment environment) {
		Binder binder = Binder.get(environment);
		statementTimeout = binder.bind("chamberlink.database.statement-timeout", Duration.class).orElse(statementTimeout);
		lockTimeout = binder.bind("chamberlink.database.lock-timeout", Duration.class).orElse(lockTimeout);
		connectionTimeout = binder.bind("chamberlink.database.connection-timeout", Duration.class)
			.orElse(connectionTimeout);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && !hikari.isRunning()) {
			hikari.setConnectionInitSql(initSql(hikari.getConnectionInitSql(), statementTimeout, lockTimeout));
			// A request waits at most this long for a connection when the database is down, then
			// answers 503 (web.DatabaseOutage) instead of holding its thread for Hikari's 30 s.
			long connectionMillis = Math.max(250, connectionTimeout.toMillis());
			hikari.setConnectionTimeout(connectionMillis);
			if (hikari.getValidationTimeout() >= connectionMillis) {
				hikari.setValidationTimeout(Math.max(250, connectionMillis / 2));
			}
		}
		return bean;
	}

	/**
	 * Migrations run with both timeouts off (spring.flyway.init-sqls); the connections they used are
	 * then evicted from the pool, so none goes back to the application without its bounds.
	 */
	@org.springframework.context.annotation.Bean
	static org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy migrateThenRenewConnections(
			javax.sql.DataSource dataSource) {
		return flyway -> {
			try {
				flyway.migrate();
			}
			finally {
				try {
					if (dataSource.isWrapperFor(HikariDataSource.class)) {
						var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
						if (pool != null) {
							pool.softEvictConnections();
						}
					}
				}
				catch (java.sql.SQLException e) {
					throw new IllegalStateException(e);
				}
			}
		};
	}

	static String initSql(String existing, Duration statementTimeout, Duration lockTimeout) {
		String bounds = "set statement_timeout = " + statementTimeout.toMillis() + "; set lock_timeout = "
				+ lockTimeout.toMillis();
		return existing == null || existing.isBlank() ? bounds : existing + "; " + bounds;
	}

}
