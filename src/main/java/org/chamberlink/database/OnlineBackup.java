package org.chamberlink.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * An online physical backup of a running PostgreSQL whose data directory this process can read,
 * done the way {@code pg_basebackup -X stream} does it but through SQL and the file system, so it
 * needs no client binaries of the server's major version (the embedded server is 18, Debian 12's
 * client tools are 15 and refuse it). Decision 45.
 * <ol>
 * <li>a temporary physical replication slot reserves the WAL from now on;</li>
 * <li>{@code pg_backup_start(label, fast)} checkpoints and marks the backup's start;</li>
 * <li>the data directory is copied into the archive, less what a base backup leaves out
 * (WAL, the postmaster's pid and options, replication slots, temporary and runtime state),
 * {@code global/pg_control} last;</li>
 * <li>{@code pg_backup_stop()} ends it and gives the {@code backup_label} (and tablespace map),
 * written into the copy;</li>
 * <li>the WAL segments from the start to the stop location go into the copy's {@code pg_wal}.</li>
 * </ol>
 * Started on that copy, PostgreSQL finds the backup_label, replays the WAL from the backup's
 * checkpoint past its end and opens a consistent database: every transaction committed before
 * {@code pg_backup_stop} returned. The archive also carries the personal-data key file.
 */
final class OnlineBackup {

	/** Top directory of the data directory in the archive: unpacked into ./data it is ./data/postgres. */
	static final String DATA = "postgres";

	static final String KEY = "privacy.key";

	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label",
			"backup_label.old", "tablespace_map", "tablespace_map.old", "backup_manifest", "pg_internal.init",
			"postgresql.auto.conf.tmp", "current_logfiles.tmp");

	/** Kept as empty directories: the server needs them, their contents are runtime state or come from the WAL. */
	private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_dynshmem", "pg_notify", "pg_replslot",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

	private OnlineBackup() {
	}

	record Summary(Path dataDirectory, String startLsn, String stopLsn, int files, int walSegments, long bytes,
			boolean withKey) {
	}

	/**
	 * Writes a gzip'd tar of the server reached by {@code superuser} (which must be a superuser or
	 * hold REPLICATION and the backup functions) to {@code out}.
	 *
	 * @param keyFile the personal-data key file to include, or null
	 */
	static Summary write(Connection superuser, Path keyFile, OutputStream out) throws SQLException, IOException {
		superuser.setAutoCommit(true);
		Path dataDirectory = Path.of(single(superuser, "show data_directory"));
		if (!Files.isReadable(dataDirectory.resolve("PG_VERSION"))) {
			throw new IOException("The data directory " + dataDirectory + " of the server is not readable here: run the"
					+ " backup on the server's machine, as the user that runs ChamberLink");
		}
		String slot = "chamberlink_backup_" + ProcessHandle.current().pid() + "_" + (System.nanoTime() % 1_000_000);
		Counter counter = new Counter();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024); TarWriter tar = new TarWriter(gzip)) {
			update(superuser, "select pg_create_physical_replication_slot(?, true, true)", slot);
			String startLsn = single(superuser, "select pg_backup_start(?, true)::text", "chamberlink backup");
			String startSegment = single(superuser, "select pg_walfile_name(?::pg_lsn)", startLsn);

			tar.directory(DATA);
			copyTree(dataDirectory, dataDirectory, tar, counter);
			copyFile(dataDirectory, dataDirectory.resolve("global/pg_control"), tar, counter);

			String stopLsn;
			String label;
			String tablespaceMap;
			try (Statement statement = superuser.createStatement();
					ResultSet rs = statement.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
				rs.next();
				stopLsn = rs.getString(1);
				label = rs.getString(2);
				tablespaceMap = rs.getString(3);
			}
			tar.file(DATA + "/backup_label", label.getBytes(StandardCharsets.UTF_8));
			if (tablespaceMap != null && !tablespaceMap.isBlank()) {
				tar.file(DATA + "/tablespace_map", tablespaceMap.getBytes(StandardCharsets.UTF_8));
			}
			String stopSegment = single(superuser, "select pg_walfile_name(?::pg_lsn)", stopLsn);
			int segments = copyWal(dataDirectory.resolve("pg_wal"), startSegment, stopSegment, tar, counter);
			update(superuser, "select pg_drop_replication_slot(?)", slot);

			boolean withKey = keyFile != null && Files.isRegularFile(keyFile);
			if (withKey) {
				tar.file(KEY, Files.readAllBytes(keyFile));
			}
			return new Summary(dataDirectory, startLsn, stopLsn, counter.files, segments, counter.bytes, withKey);
		}
	}

	private static void copyTree(Path root, Path directory, TarWriter tar, Counter counter) throws IOException {
		List<Path> children;
		try (Stream<Path> list = Files.list(directory)) {
			children = new ArrayList<>(list.sorted().toList());
		}
		catch (NoSuchFileException vanished) {
			return;
		}
		for (Path child : children) {
			String name = child.getFileName().toString();
			String relative = root.relativize(child).toString().replace('\\', '/');
			if (Files.isSymbolicLink(child)) {
				throw new IOException("Tablespaces and links in the data directory are not supported by this backup: " + child);
			}
			if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
				if (name.startsWith("pgsql_tmp")) {
					continue;
				}
				tar.directory(DATA + "/" + relative);
				if (directory.equals(root) && EMPTIED_DIRECTORIES.contains(name)) {
					if (name.equals("pg_wal")) {
						tar.directory(DATA + "/pg_wal/archive_status");
						tar.directory(DATA + "/pg_wal/summaries");
					}
					continue;
				}
				copyTree(root, child, tar, counter);
			}
			else if (!skipped(name, relative)) {
				copyFile(root, child, tar, counter);
			}
		}
	}

	private static boolean skipped(String name, String relative) {
		return SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp") || name.endsWith(".tmp")
				|| relative.equals("global/pg_control"); // copied last
	}

	private static void copyFile(Path root, Path file, TarWriter tar, Counter counter) throws IOException {
		String relative = root.relativize(file).toString().replace('\\', '/');
		long size;
		try {
			size = Files.size(file);
		}
		catch (NoSuchFileException vanished) {
			return; // a relation dropped meanwhile: the WAL drops it in the copy too
		}
		InputStream in = null;
		try {
			in = Files.newInputStream(file);
		}
		catch (NoSuchFileException vanished) {
			// header written as zeros; replay removes it
		}
		try {
			tar.file(DATA + "/" + relative, size, in);
		}
		finally {
			if (in != null) {
				in.close();
			}
		}
		counter.files++;
		counter.bytes += size;
	}

	private static int copyWal(Path wal, String startSegment, String stopSegment, TarWriter tar, Counter counter)
			throws IOException {
		String timeline = startSegment.substring(0, 8);
		List<Path> wanted = new ArrayList<>();
		try (Stream<Path> list = Files.list(wal)) {
			for (Path file : list.sorted().toList()) {
				String name = file.getFileName().toString();
				boolean segment = SEGMENT.matcher(name).matches() && name.startsWith(timeline)
						&& name.compareTo(startSegment) >= 0 && name.compareTo(stopSegment) <= 0;
				if (segment || name.endsWith(".history")) {
					wanted.add(file);
				}
			}
		}
		int segments = 0;
		for (Path file : wanted) {
			try (InputStream in = Files.newInputStream(file)) {
				tar.file(DATA + "/pg_wal/" + file.getFileName(), Files.size(file), in);
			}
			counter.bytes += Files.size(file);
			if (!file.getFileName().toString().endsWith(".history")) {
				segments++;
			}
		}
		if (segments == 0 || !wanted.stream().anyMatch(f -> f.getFileName().toString().equals(stopSegment))) {
			throw new IOException("The WAL from " + startSegment + " to " + stopSegment + " is not all in " + wal);
		}
		return segments;
	}

	private static String single(Connection connection, String sql, String... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setString(i + 1, params[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static void update(Connection connection, String sql, String param) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, param);
			statement.execute();
		}
	}

	private static final class Counter {

		int files;

		long bytes;

	}

}
