package org.chamberlink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.chamberlink.database.BackupCommand;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backup and restore of the embedded database as the README tells an operator to do it (issue 23,
 * decision 45): an application on a persistent embedded PostgreSQL of its own is filled (an
 * organisation tree, members with encrypted identity numbers, a login account), backed up with the
 * backup command ({@code --chamberlink.backup=FILE}) while it runs and a writer commits row after
 * row, the archive unpacked with {@code tar -xzf} into a fresh folder and a second application
 * started on it: the same rows in every table, the writer's rows up to one moment during the backup
 * with no gap, the account signs in, its API token works, and the identity number decrypts with the
 * key that came in the archive.
 */
class EmbeddedBackupRestoreTest {

	/** Tables that must come back, whatever else the running application was doing meanwhile. */
	static final Set<String> MAIN_TABLES = Set.of("public.organization", "public.party", "public.membership",
			"public.user_account", "public.user_account_role", "public.api_token", "public.flyway_schema_history");

	@TempDir
	Path folder;

	@Test
	void aBackupTakenWhileRunningRestoresIntoAFreshFolderWithTheSameRowsAndAWorkingLogin() throws Exception {
		Path source = folder.resolve("source");
		Path backup = folder.resolve("backups/chamberlink-backup.tar.gz");
		String username;
		String token;
		String idNumber = MemberFixture.identityNumber();
		long person;
		long committedBeforeBackup;
		Map<String, Long> before;
		Map<String, Long> after;
		int sourceDatabasePort = freePort();
		try (ConfigurableApplicationContext running = instance(source, sourceDatabasePort)) {
			int port = port(running);
			JdbcClient jdbc = running.getBean(JdbcClient.class);
			OrganizationFixture organizations = new OrganizationFixture(port, running.getBean(AccountManagement.class),
					running.getBean(ApiTokens.class), jdbc);
			TestTree tree = organizations.tree("备份");
			String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
			person = MemberFixture.person(port, admin, tree.chamber(), "李备份", idNumber, MemberFixture.phone());
			MemberFixture.enterprise(port, admin, tree.chamber(), "备份建材有限公司" + tree.tag(), MemberFixture.creditCode(),
					MemberFixture.phone());
			AccountPrincipal account = new TestAccounts(running.getBean(AccountManagement.class))
				.createIn(tree.chamber(), Role.CHAMBER_ADMIN);
			username = account.getUsername();
			token = running.getBean(ApiTokens.class).create(account.id(), "backup test").secret();

			// a writer committing one row after another all through the backup: online, not a quiet moment
			jdbc.sql("create table backup_probe (id bigint primary key)").update();
			AtomicLong committed = new AtomicLong();
			AtomicBoolean done = new AtomicBoolean();
			Thread writer = new Thread(() -> {
				for (long id = 1; !done.get(); id++) {
					jdbc.sql("insert into backup_probe values (:id)").param("id", id).update();
					committed.set(id);
				}
			}, "backup-probe-writer");
			writer.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> committed.get() >= 20);

			before = RowCounts.of(jdbc);
			committedBeforeBackup = committed.get();
			int status;
			try {
				status = BackupCommand.run(BackupCommand.OPTION + backup,
						"--chamberlink.embedded-db.port=" + sourceDatabasePort,
						"--chamberlink.privacy.key-file=" + source.resolve("privacy.key"));
			}
			finally {
				done.set(true);
				writer.join(60_000);
			}
			after = RowCounts.of(jdbc);
			assertThat(committed.get()).as("the writer went on during the backup").isGreaterThan(committedBeforeBackup);
			assertThat(status).as("backup command exit status").isZero();
			assertThat(backup).isRegularFile();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).as("owner only: it holds the key")
				.isEqualTo("rw-------");
			assertThat(backup.resolveSibling(backup.getFileName() + ".partial")).doesNotExist();
		}

		// restore as the README says: unpack into an empty folder, start the application on it
		Path restored = folder.resolve("restored");
		Files.createDirectories(restored);
		untar(backup, restored);
		assertThat(restored.resolve("postgres/backup_label")).isRegularFile();
		assertThat(Files.readAllBytes(restored.resolve("privacy.key"))).isEqualTo(Files.readAllBytes(source.resolve("privacy.key")));

		Map<String, Long> steady = RowCounts.steady(before, after);
		assertThat(steady.keySet()).as("main tables unchanged while the backup ran").containsAll(MAIN_TABLES);
		assertThat(steady.get("public.party")).isPositive();
		try (ConfigurableApplicationContext copy = instance(restored, freePort())) {
			int port = port(copy);
			Map<String, Long> counts = RowCounts.of(copy.getBean(JdbcClient.class));
			assertThat(RowCounts.only(counts, MAIN_TABLES)).isEqualTo(RowCounts.only(steady, MAIN_TABLES));
			assertThat(RowCounts.only(counts, steady.keySet())).as("every table the backup saw steady").isEqualTo(steady);
			// the rows the writer committed up to some moment during the backup, every one before it, none after
			JdbcClient restoredJdbc = copy.getBean(JdbcClient.class);
			long rows = restoredJdbc.sql("select count(*) from backup_probe").query(Long.class).single();
			long highest = restoredJdbc.sql("select coalesce(max(id), 0) from backup_probe").query(Long.class).single();
			assertThat(rows).as("committed before the backup began").isGreaterThanOrEqualTo(committedBeforeBackup);
			assertThat(highest).as("no gap: a consistent moment").isEqualTo(rows);

			WebSession session = WebSession.signedIn(port, username, TestAccounts.PASSWORD);
			var page = session.get("/account");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(username);
			assertThat(Api.get(port, "/api/v1/me", token).statusCode()).isEqualTo(200);
			var revealed = Api.post(port, "/api/v1/parties/" + person + "/reveal?field=ID_NUMBER", token, "");
			assertThat(revealed.statusCode()).as("identity number decrypted with the restored key").isEqualTo(200);
			assertThat(revealed.body()).contains(idNumber);
		}
	}

	/** An application on a persistent embedded PostgreSQL in {@code home}/postgres, key in {@code home}/privacy.key. */
	private static ConfigurableApplicationContext instance(Path home, int databasePort) {
		return new SpringApplicationBuilder(Application.class).profiles("test")
			.run("--server.port=0", "--spring.main.banner-mode=off", "--chamberlink.embedded-db.ephemeral=false",
					"--chamberlink.embedded-db.durable=true",
					"--chamberlink.embedded-db.data-directory=" + home.resolve("postgres"),
					"--chamberlink.embedded-db.port=" + databasePort,
					"--chamberlink.privacy.key-file=" + home.resolve("privacy.key"),
					// an explicit URL (the standalone-database CI pass sets one) would bypass the embedded server
					"--spring.datasource.url=");
	}

	private static void untar(Path archive, Path into) throws IOException, InterruptedException {
		Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString()).redirectErrorStream(true)
			.start();
		String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(tar.exitValue()).as("tar -xzf: " + output).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
