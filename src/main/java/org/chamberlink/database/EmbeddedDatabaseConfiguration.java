package org.chamberlink.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the DataSource from an embedded PostgreSQL when {@code spring.datasource.url} (or
 * {@code SPRING_DATASOURCE_URL}) is not set. With a URL, Boot's own DataSource takes over and this
 * class contributes nothing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnProperty(name = "chamberlink.embedded-db.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "chamberlink";

	@Bean
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		return EmbeddedPostgresServer.start(properties);
	}

	/**
	 * Scoped queries say {@code path like ?}: a cached generic plan cannot use the path index for
	 * an unknown prefix and scans the whole table (200 ms instead of 17 ms for a county's members
	 * among a million, measured), so every statement is planned with its actual values.
	 */
	static final String CUSTOM_PLANS = "set plan_cache_mode = force_custom_plan";

	@Bean
	DataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
		EmbeddedPostgres postgres = server.postgres();
		createDatabaseIfMissing(postgres);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(Math.max(2, Math.min(10, properties.maxConnections() / 3)));
		dataSource.setPoolName("chamberlink");
		// As spring.datasource.hikari.connection-init-sql does for an external database (application.yml).
		dataSource.setConnectionInitSql(CUSTOM_PLANS);
		return dataSource;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!rs.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8'");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + DATABASE, e);
		}
	}

}
