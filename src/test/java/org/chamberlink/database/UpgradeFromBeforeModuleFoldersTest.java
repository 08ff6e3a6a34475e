package org.chamberlink.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.chamberlink.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made before the migrations moved into one folder per module (c7a956c) is upgraded by
 * the current code: its applied history still validates (versions, descriptions and checksums
 * unchanged; only the folder differs), the migrations since then apply on top, and the rows it
 * held are still there and counted by what the new migrations back-fill. The database is loaded
 * from a dump (test resource upgrade/v22-before-module-folders.sql, its header says how it was
 * made) into a database of its own on the test cluster, so the suite's own database is untouched.
 */
@IntegrationTest
@Tag("database")
class UpgradeFromBeforeModuleFoldersTest {

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDatabaseMadeBeforeTheModuleFoldersValidatesMigratesAndKeepsItsRows() throws Exception {
		String database = "upgrade_" + System.nanoTime();
		jdbc.sql("create database " + database + " encoding 'UTF8'").update();
		String url = dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		try (Connection connection = DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword())) {
			load(connection);
			JdbcClient upgraded = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			List<Integer> checksumsBefore = checksumsUpTo22(upgraded);

			// the application's own Flyway configuration (locations, Java migrations), pointed at this database
			Flyway current = Flyway.configure()
				.configuration(flyway.getConfiguration())
				.dataSource(new SingleConnectionDataSource(connection, true))
				.load();
			ValidateResult pending = current.validateWithResult();
			assertThat(pending.invalidMigrations).as("only the migrations made since may be pending")
				.allSatisfy(invalid -> assertThat(Integer.parseInt(invalid.version)).isGreaterThan(22));

			MigrateResult result = current.migrate();
			assertThat(result.success).isTrue();
			assertThat(result.migrations).extracting(m -> m.version).contains("23", "24")
				.allSatisfy(version -> assertThat(Integer.parseInt(version)).isGreaterThan(22));
			ValidateResult validated = current.validateWithResult();
			assertThat(validated.validationSuccessful).as(validated.getAllErrorMessages()).isTrue();
			assertThat(checksumsUpTo22(upgraded)).as("history rows before the move untouched").isEqualTo(checksumsBefore)
				.hasSize(21);

			assertThat(upgraded.sql("select name from organization order by path").query(String.class).list())
				.containsExactly("升级测试省工商联", "升级测试区工商联", "升级测试建材商会");
			assertThat(upgraded.sql("select party_name from membership").query(String.class).single())
				.isEqualTo("升级测试建材有限公司");
			assertThat(upgraded.sql("select title from service_case").query(String.class).single()).isEqualTo("升级前提交的投诉");
			// V24 back-fills the case tally from the cases it finds: the complaint counts at its chamber and above
			assertThat(upgraded.sql("select count(*) from case_tally where cases > 0 and own").query(Long.class).single())
				.isOne();
			assertThat(upgraded.sql("select sum(cases) from case_tally").query(Long.class).single()).isEqualTo(3);
		}
		finally {
			jdbc.sql("drop database if exists " + database + " with (force)").update();
		}
	}

	private static List<Integer> checksumsUpTo22(JdbcClient jdbc) {
		return jdbc.sql("""
				select checksum from flyway_schema_history
				where version is not null and cast(version as int) <= 22 order by installed_rank
				""").query(Integer.class).list();
	}

	private static void load(Connection connection) throws IOException, SQLException {
		String dump = new ClassPathResource("upgrade/v22-before-module-folders.sql").getContentAsString(StandardCharsets.UTF_8);
		try (Statement statement = connection.createStatement()) {
			statement.execute(dump);
			// the dump empties the search path for its own statements; the application relies on the default
			statement.execute("set search_path to \"$user\", public");
		}
	}

}
