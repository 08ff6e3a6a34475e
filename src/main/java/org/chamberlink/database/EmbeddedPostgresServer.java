package org.chamberlink.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL. Durable mode turns fsync and synchronous commit back on: the
 * zonky defaults (fsync off, -F) are meant for throw-away test clusters and lose data on a crash.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** One ephemeral cluster per JVM, so a test run starts PostgreSQL once for all its contexts. */
	private static EmbeddedPostgres shared;

	private final EmbeddedPostgres postgres;

	private final boolean owned;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean owned) {
		this.postgres = postgres;
		this.owned = owned;
	}

	static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
		return properties.ephemeral() ? new EmbeddedPostgresServer(sharedEphemeral(properties), false)
				: new EmbeddedPostgresServer(persistent(properties), true);
	}

	EmbeddedPostgres postgres() {
		return postgres;
	}

	/** Stops a persistent cluster; the shared test cluster is stopped by zonky's JVM shutdown hook. */
	@Override
	public void close() throws IOException {
		if (owned) {
			postgres.close();
		}
	}

	private static synchronized EmbeddedPostgres sharedEphemeral(EmbeddedDatabaseProperties properties) {
		if (shared == null) {
			try {
				Path dir = Files.createTempDirectory("chamberlink-pg-");
				shared = builder(properties, dir).setCleanDataDirectory(true).setPort(0).start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
			}
		}
		return shared;
	}

	private static EmbeddedPostgres persistent(EmbeddedDatabaseProperties properties) {
		Path dir = properties.dataDirectory().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dir);
			OrphanedPostmaster.stopIfRunning(dir, properties.startupTimeout());
			PortGuard.refuseIfTaken(properties.port(), dir);
			EmbeddedPostgres postgres = builder(properties, dir).setCleanDataDirectory(false)
				.setPort(properties.port())
				.start();
			PortGuard.requireOwnServer(postgres, dir);
			log.info("Embedded PostgreSQL {} on port {}, data in {}", "18", postgres.getPort(), dir);
			// pg_dump would need PostgreSQL 18 client tools (Debian 12 ships 15): the application backs itself up
			log.info("Back up while running with: java -jar chamberlink.jar --chamberlink.backup=chamberlink-backup.tar.gz"
					+ " (from source: ./mvnw -q spring-boot:run -Dspring-boot.run.arguments=--chamberlink.backup=FILE),"
					+ " with the same settings as this run (CHAMBERLINK_EMBEDDED_DB_PORT={}); see README \"Data directory and backups\"",
					postgres.getPort());
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
					+ " (a data directory made by another PostgreSQL major version does not open; see README)", e);
		}
	}

	private static EmbeddedPostgres.Builder builder(EmbeddedDatabaseProperties properties, Path dir) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setPGStartupWait(properties.startupTimeout())
			.setServerConfig("max_connections", Integer.toString(properties.maxConnections()))
			.setServerConfig("timezone", "Asia/Shanghai");
		String durable = properties.durable() ? "on" : "off";
		builder.setServerConfig("fsync", durable)
			.setServerConfig("synchronous_commit", durable)
			.setServerConfig("full_page_writes", durable);
		return builder;
	}

}
