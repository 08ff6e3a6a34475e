package org.chamberlink.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL's port held by someone else — a second PostgreSQL installation on the
 * machine, or a postmaster of another folder left by a killed process. {@code pg_ctl} then fails
 * with "Address already in use", but the start-up wait only asks whether something answers on the
 * port, and the application would go on to serve another installation's database as its own (seen
 * on 2026-11-28: a fresh folder started without a first-run password because it had joined a
 * stranger's database). So: refuse before starting when the port is taken, and after starting make
 * sure the server that answers keeps its data in this folder.
 */
final class PortGuard {

	private PortGuard() {
	}

	/** Before starting: nothing may listen on the port (our own orphan has been stopped already). */
	static void refuseIfTaken(int port, Path dataDirectory) {
		if (port == 0) {
			return;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
		}
		catch (IOException free) {
			return;
		}
		throw new IllegalStateException(taken(port, dataDirectory, "another program is listening on it"));
	}

	/** After starting: the server on the port must be the one whose data directory is ours. */
	static void requireOwnServer(EmbeddedPostgres postgres, Path dataDirectory) {
		String served;
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("show data_directory")) {
			rs.next();
			served = rs.getString(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException("The embedded PostgreSQL on port " + postgres.getPort()
					+ " does not answer as expected for data directory " + dataDirectory, e);
		}
		if (!same(Path.of(served), dataDirectory)) {
			throw new IllegalStateException(taken(postgres.getPort(), dataDirectory,
					"the PostgreSQL answering there keeps its data in " + served));
		}
	}

	private static boolean same(Path served, Path ours) {
		try {
			return served.toRealPath().equals(ours.toRealPath());
		}
		catch (IOException unreadable) {
			return served.toAbsolutePath().normalize().equals(ours.toAbsolutePath().normalize());
		}
	}

	private static String taken(int port, Path dataDirectory, String why) {
		return "Port " + port + " is not free for the embedded PostgreSQL of data directory " + dataDirectory + ": " + why
				+ ". ChamberLink will not start on another installation's database. Stop that program, or choose a free port"
				+ " with CHAMBERLINK_EMBEDDED_DB_PORT (chamberlink.embedded-db.port).";
	}

}
