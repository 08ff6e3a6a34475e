package org.chamberlink.database;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistent embedded PostgreSQL as the application runs it: durable settings, and a
 * {@code kill -9} of the JVM followed by a new start that cleans up the orphaned postmaster and
 * finds the committed data intact.
 */
class EmbeddedPostgresServerTest {

	@TempDir
	Path dataDirectory;

	@Test
	void runsWithFsyncAndSynchronousCommitOn() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties())) {
			assertThat(setting(server, "fsync")).isEqualTo("on");
			assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(server, "max_connections")).isEqualTo("20");
		}
	}

	@Test
	void survivesKillMinusNineOfTheApplicationWithDataIntact() throws Exception {
		Process application = startKilledApplication("committed before the kill");
		application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long orphan = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("orphaned postmaster").hasValue(true);

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties())) {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select note from survivor")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("committed before the kill");
			}
		}
	}

	@Test
	void leavesAPidFileOfAnotherProcessAlone() throws Exception {
		// A pid that is alive but is not a postgres of this directory (this very JVM) is not killed.
		Files.createDirectories(dataDirectory);
		Files.writeString(dataDirectory.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");
		OrphanedPostmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(5));
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	@Test
	void refusesToStartWhenItsPortIsTakenAndNamesPortAndFolder() throws Exception {
		try (java.net.ServerSocket stranger = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			int port = stranger.getLocalPort();
			EmbeddedDatabaseProperties onTakenPort = new EmbeddedDatabaseProperties(dataDirectory, port, false, true, 20,
					Duration.ofSeconds(60));
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgresServer.start(onTakenPort))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Port " + port)
				.hasMessageContaining(dataDirectory.toAbsolutePath().normalize().toString())
				.hasMessageContaining("CHAMBERLINK_EMBEDDED_DB_PORT");
			// nothing was started or written in the folder
			assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
			assertThat(dataDirectory.resolve("PG_VERSION")).doesNotExist();
		}
	}

	@Test
	void refusesAServerThatKeepsItsDataElsewhere() throws Exception {
		// the race the port check cannot close: another PostgreSQL answers on the port after all
		try (EmbeddedPostgresServer ours = EmbeddedPostgresServer.start(properties())) {
			Path elsewhere = Files.createTempDirectory("chamberlink-not-ours-");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortGuard.requireOwnServer(ours.postgres(), elsewhere))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Port " + ours.postgres().getPort())
				.hasMessageContaining(elsewhere.toString())
				.hasMessageContaining("keeps its data in " + dataDirectory.toRealPath());
			PortGuard.requireOwnServer(ours.postgres(), dataDirectory);
		}
	}

	private Process startKilledApplication(String note) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				KilledApplication.class.getName(), dataDirectory.toString(), note));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.PIPE)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
		String line;
		StringBuilder seen = new StringBuilder();
		while ((line = output.readLine()) != null) {
			seen.append(line).append(File.separatorChar == '/' ? "\n" : "\r\n");
			if (line.equals("READY")) {
				return process;
			}
		}
		throw new IllegalStateException("child never became ready:\n" + seen);
	}

	private EmbeddedDatabaseProperties properties() {
		return new EmbeddedDatabaseProperties(dataDirectory, 0, false, true, 20, Duration.ofSeconds(60));
	}

	private static String setting(EmbeddedPostgresServer server, String name) throws Exception {
		try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
