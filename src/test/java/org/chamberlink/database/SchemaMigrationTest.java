package org.chamberlink.database;

import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway built the schema (Hibernate only validated it: the context would not start otherwise).
 * Tagged "database": CI runs it again against a standalone PostgreSQL.
 */
@IntegrationTest
@Tag("database")
class SchemaMigrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMigrationApplied() {
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where version is not null")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void everyConnectionPlansWithTheActualValues() {
		// Generic plans cannot use the path index for "path like ?" (decision in EmbeddedDatabaseConfiguration).
		assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
	}

	@Test
	void platformTablesExist() {
		assertThat(jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() order by table_name
				""").query(String.class).list()).contains("user_account", "user_account_role", "api_token",
				"login_throttle", "audit_log", "spring_session", "spring_session_attributes");
	}

}
