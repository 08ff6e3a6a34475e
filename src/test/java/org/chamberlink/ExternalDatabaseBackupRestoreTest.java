package org.chamberlink;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Backup and restore of an external PostgreSQL as the README tells an operator to do it (issue 23,
 * decision 45): {@code pg_dump -Fc} of the populated database with the client tools on the PATH
 * ({@code /usr/bin/pg_dump}), {@code pg_restore} into a fresh database, and a second application
 * started on it finds the same rows, the account signs in and its token works. Runs in the
 * standalone-database pass of {@code .ci/run} (Debian 12's PostgreSQL 15, client 15). On the
 * embedded server (PostgreSQL 18) Debian's pg_dump 15 refuses to dump, so there it is skipped,
 * saying why; the embedded database has its own backup ({@link EmbeddedBackupRestoreTest}).
 */
@IntegrationTest
@Tag("database")
class ExternalDatabaseBackupRestoreTest {

	static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");

	static final Path PG_RESTORE = Path.of("/usr/bin/pg_restore");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@TempDir
	Path folder;

	@Test
	void aDumpRestoresIntoAFreshDatabaseWithTheSameRowsAndAWorkingLogin() throws Exception {
		int serverMajor = jdbc.sql("show server_version_num").query(Integer.class).single() / 10000;
		assumeTrue(Files.isExecutable(PG_DUMP) && Files.isExecutable(PG_RESTORE),
				"no pg_dump/pg_restore at /usr/bin (Debian's postgresql-client package)");
		int clientMajor = major(run(List.of(PG_DUMP.toString(), "--version")));
		assumeTrue(clientMajor == serverMajor, "pg_dump " + clientMajor + " cannot dump this PostgreSQL " + serverMajor
				+ " server (a pg_dump refuses a server newer than itself; the README asks for the server's major version)."
				+ " The embedded database's own backup is proven by EmbeddedBackupRestoreTest");

		HikariDataSource hikari = (HikariDataSource) dataSource;
		Database source = Database.of(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());

		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("转储");
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		String idNumber = MemberFixture.identityNumber();
		long person = MemberFixture.person(port, admin, tree.chamber(), "赵转储", idNumber, MemberFixture.phone());
		AccountPrincipal account = new TestAccounts(accountManagement).createIn(tree.chamber(), Role.CHAMBER_ADMIN);
		String token = tokens.create(account.id(), "dump test").secret();

		Path dump = folder.resolve("chamberlink.dump");
		Map<String, Long> before = RowCounts.of(jdbc);
		run(source.client(PG_DUMP, "-Fc", "-f", dump.toString(), "--dbname=" + source.name()));
		Map<String, Long> after = RowCounts.of(jdbc);
		Map<String, Long> steady = RowCounts.steady(before, after);
		assertThat(steady.keySet()).containsAll(EmbeddedBackupRestoreTest.MAIN_TABLES);

		String fresh = "chamberlink_restored_" + ProcessHandle.current().pid();
		jdbc.sql("drop database if exists " + fresh).update();
		jdbc.sql("create database " + fresh + " encoding 'UTF8'").update();
		try {
			run(source.client(PG_RESTORE, "--no-owner", "--no-privileges", "--exit-on-error", "--dbname=" + fresh,
					dump.toString()));
			try (ConfigurableApplicationContext copy = new SpringApplicationBuilder(Application.class).profiles("test")
				.run("--server.port=0", "--spring.main.banner-mode=off",
						"--spring.modulith.events.republish-outstanding-events-on-restart=false",
						"--spring.datasource.url=" + source.jdbcUrl(fresh),
						"--spring.datasource.username=" + source.user(),
						"--spring.datasource.password=" + (source.password() == null ? "" : source.password()))) {
				int copyPort = ((WebServerApplicationContext) copy).getWebServer().getPort();
				Map<String, Long> counts = RowCounts.of(copy.getBean(JdbcClient.class));
				assertThat(RowCounts.only(counts, EmbeddedBackupRestoreTest.MAIN_TABLES))
					.isEqualTo(RowCounts.only(steady, EmbeddedBackupRestoreTest.MAIN_TABLES));
				assertThat(RowCounts.only(counts, steady.keySet())).isEqualTo(steady);

				var page = WebSession.signedIn(copyPort, account.getUsername(), TestAccounts.PASSWORD).get("/account");
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(page.body()).contains(account.getUsername());
				assertThat(Api.get(copyPort, "/api/v1/me", token).statusCode()).isEqualTo(200);
				var revealed = Api.post(copyPort, "/api/v1/parties/" + person + "/reveal?field=ID_NUMBER", token, "");
				assertThat(revealed.statusCode()).isEqualTo(200);
				assertThat(revealed.body()).contains(idNumber);
			}
		}
		finally {
			jdbc.sql("drop database if exists " + fresh + " with (force)").update();
		}
	}

	/** Host, port, database and credentials of the test run's PostgreSQL, for its client tools. */
	record Database(String host, int port, String name, String user, String password) {

		static Database of(String jdbcUrl, String user, String password) {
			URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
			String name = uri.getPath().substring(1);
			String userInUrl = uri.getQuery() == null ? null
					: java.util.Arrays.stream(uri.getQuery().split("&")).filter(p -> p.startsWith("user="))
						.map(p -> p.substring(5)).findFirst().orElse(null);
			return new Database(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), name,
					user != null ? user : userInUrl != null ? userInUrl : "postgres", password);
		}

		String jdbcUrl(String database) {
			return "jdbc:postgresql://" + host + ":" + port + "/" + database;
		}

		List<String> client(Path tool, String... args) {
			List<String> command = new ArrayList<>(List.of(tool.toString(), "-h", host, "-p", Integer.toString(port), "-U",
					user, "--no-password"));
			command.addAll(List.of(args));
			return command;
		}

	}

	private String run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		HikariDataSource hikari = (HikariDataSource) dataSource;
		if (hikari.getPassword() != null && !hikari.getPassword().isEmpty()) {
			builder.environment().put("PGPASSWORD", hikari.getPassword());
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(command + " finished").isTrue();
		assertThat(process.exitValue()).as(command + ": " + output).isZero();
		return output;
	}

	private static int major(String version) {
		Matcher matcher = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
		assertThat(matcher.find()).as("a version in: " + version).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
