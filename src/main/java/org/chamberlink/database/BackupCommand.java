package org.chamberlink.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Properties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar chamberlink.jar --chamberlink.backup=FILE}: an online backup of the running
 * application's embedded PostgreSQL and its personal-data key into one {@code .tar.gz}, without
 * starting the application (decision 45, README "Data directory and backups"). It reads the same
 * settings the application does — arguments, then environment variables such as
 * {@code CHAMBERLINK_EMBEDDED_DB_PORT} and {@code CHAMBERLINK_PRIVACY_KEY_FILE} — connects to the
 * server on localhost and copies its data directory, so it runs on the same machine as the user
 * that runs ChamberLink. With an external database ({@code SPRING_DATASOURCE_URL}) it refuses and
 * points to pg_dump.
 */
public final class BackupCommand {

	public static final String OPTION = "--chamberlink.backup=";

	private BackupCommand() {
	}

	public static boolean requested(String... args) {
		return Arrays.stream(args).anyMatch(arg -> arg.startsWith(OPTION));
	}

	/** Runs the backup the arguments ask for; the exit status: 0 written, 1 failed (message on stderr). */
	public static int run(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		ConfigurationPropertySources.attach(environment);
		Binder binder = Binder.get(environment);
		String target = binder.bind("chamberlink.backup", String.class).orElse("");
		if (!StringUtils.hasText(target)) {
			System.err.println("Name the backup file: " + OPTION + "/path/to/chamberlink-backup.tar.gz");
			return 1;
		}
		if (StringUtils.hasText(binder.bind("spring.datasource.url", String.class).orElse(null))) {
			System.err.println("SPRING_DATASOURCE_URL is set: the application runs on an external PostgreSQL."
					+ " Back that up with pg_dump of the server's major version (README \"Data directory and backups\").");
			return 1;
		}
		int port = binder.bind("chamberlink.embedded-db.port", Integer.class).orElse(15432);
		Path keyFile = binder.bind("chamberlink.privacy.key-file", Path.class).orElse(Path.of("./data/privacy.key"));
		boolean keyInEnvironment = StringUtils.hasText(binder.bind("chamberlink.privacy.key", String.class).orElse(null));
		try {
			OnlineBackup.Summary summary = backUp(port, keyInEnvironment ? null : keyFile, Path.of(target));
			System.out.printf("Backup written to %s: %d files, %d WAL segments, %d MB before compression, WAL %s to %s%n",
					Path.of(target).toAbsolutePath(), summary.files(), summary.walSegments(), summary.bytes() / (1024 * 1024),
					summary.startLsn(), summary.stopLsn());
			if (keyInEnvironment) {
				System.out.println("The personal-data key is set in CHAMBERLINK_PRIVACY_KEY, not in a file:"
						+ " keep a copy of it with this backup.");
			}
			else if (!summary.withKey()) {
				System.out.println("No personal-data key file at " + keyFile.toAbsolutePath() + ": none in the backup.");
			}
			return 0;
		}
		catch (Exception e) {
			System.err.println("Backup failed (embedded PostgreSQL on localhost:" + port + "; is ChamberLink running,"
					+ " and is this the user that runs it?): " + e.getMessage());
			return 1;
		}
	}

	/**
	 * Writes the backup to {@code target} through a temporary file beside it, so a failed backup
	 * never leaves a file that looks complete.
	 */
	static OnlineBackup.Summary backUp(int port, Path keyFile, Path target) throws Exception {
		Path absolute = target.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
		Properties credentials = new Properties();
		credentials.setProperty("user", "postgres");
		Files.deleteIfExists(partial);
		ownerOnly(partial);
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?ApplicationName=chamberlink-backup", credentials);
				OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			OnlineBackup.Summary summary = OnlineBackup.write(connection, keyFile, out);
			out.close();
			Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return summary;
		}
		catch (Exception | Error e) {
			Files.deleteIfExists(partial);
			throw e;
		}
	}

	/** The archive holds every member's data and the key to their identity numbers: readable by its owner only. */
	private static void ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
	}

}
