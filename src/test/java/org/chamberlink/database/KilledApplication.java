package org.chamberlink.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerTest}: starts the persistent embedded
 * PostgreSQL exactly as the application does, commits one row, says READY and waits to be killed
 * with SIGKILL, which leaves its postmaster orphaned as a {@code kill -9} of the application would.
 */
public final class KilledApplication {

	private KilledApplication() {
	}

	public static void main(String[] args) throws Exception {
		var properties = new EmbeddedDatabaseProperties(Path.of(args[0]), 0, false, true, 20, Duration.ofSeconds(60));
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
		try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists survivor (note text)");
			statement.execute("insert into survivor values ('" + args[1] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.currentThread().join();
	}

}
