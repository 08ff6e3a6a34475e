package org.chamberlink.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when no external database URL is configured.
 *
 * @param dataDirectory where the cluster lives; survives restarts
 * @param port TCP port on localhost; 0 picks a free one (tests)
 * @param ephemeral a throw-away cluster in a temporary directory, shared by the whole JVM (tests)
 * @param durable fsync and synchronous commit on; tests may turn it off for speed
 * @param maxConnections PostgreSQL's max_connections
 * @param startupTimeout how long to wait for the postmaster
 */
@ConfigurationProperties("chamberlink.embedded-db")
record EmbeddedDatabaseProperties(
		@DefaultValue("./data/postgres") Path dataDirectory,
		@DefaultValue("15432") int port,
		@DefaultValue("false") boolean ephemeral,
		@DefaultValue("true") boolean durable,
		@DefaultValue("50") int maxConnections,
		@DefaultValue("60s") Duration startupTimeout) {
}
