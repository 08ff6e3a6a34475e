package org.chamberlink.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Free space where uploads go, on {@code /actuator/health} as {@code storage} (issue 23): the
 * directory the servlet container writes an upload to while it arrives
 * ({@code spring.servlet.multipart.location}, else the container's temporary directory), and the
 * database's data directory when it is on this machine (the embedded database; uploads are kept in
 * the database). Below {@code chamberlink.health.storage-threshold} (100 MB) on either, or a
 * directory that is missing or not writable, is DOWN with the free bytes in the details — an upload
 * would fail (and answers 507, {@link StorageFull}).
 */
@Component("storageHealthIndicator")
class StorageHealth implements HealthIndicator {

	private final ServletContext servletContext;

	private final ObjectProvider<MultipartConfigElement> multipart;

	private final JdbcClient jdbc;

	private final DataSize threshold;

	private volatile Path databaseDirectory;

	private volatile boolean databaseDirectoryAsked;

	StorageHealth(ServletContext servletContext, ObjectProvider<MultipartConfigElement> multipart, JdbcClient jdbc,
			@Value("${chamberlink.health.storage-threshold:100MB}") DataSize threshold) {
		this.servletContext = servletContext;
		this.multipart = multipart;
		this.jdbc = jdbc;
		this.threshold = threshold;
		// asked now, while the database is surely there, so a health check during an outage does not
		// wait for a connection for it
		databaseDirectory();
	}

	@Override
	public Health health() {
		return health(threshold);
	}

	Health health(DataSize threshold) {
		Map<String, Path> directories = new LinkedHashMap<>();
		directories.put("uploadTemp", uploadTemp(servletContext, multipart.getIfAvailable()));
		Path database = databaseDirectory();
		if (database != null) {
			directories.put("database", database);
		}
		Health.Builder health = Health.up().withDetail("threshold", threshold.toBytes());
		directories.forEach((name, dir) -> {
			long free = dir == null ? -1 : dir.toFile().getUsableSpace();
			boolean writable = dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
			health.withDetail(name, Map.of("path", String.valueOf(dir), "free", Math.max(free, 0), "writable", writable));
			if (!writable || free < threshold.toBytes()) {
				health.down();
			}
		});
		return health.build();
	}

	/** Where the container writes an arriving upload (relative locations are inside its temporary directory). */
	static Path uploadTemp(ServletContext servletContext, MultipartConfigElement config) {
		File temp = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
		String location = config == null ? null : config.getLocation();
		if (location == null || location.isBlank()) {
			return temp == null ? null : temp.toPath();
		}
		Path path = Path.of(location);
		return path.isAbsolute() || temp == null ? path : temp.toPath().resolve(path);
	}

	/** The database's data directory when it lies on this machine (asked once; null for a remote database). */
	private Path databaseDirectory() {
		if (!databaseDirectoryAsked) {
			try {
				String dir = jdbc.sql("show data_directory").query(String.class).single();
				Path path = dir == null ? null : Path.of(dir);
				databaseDirectory = path != null && Files.isDirectory(path) ? path : null;
				databaseDirectoryAsked = true;
			}
			catch (RuntimeException e) {
				// not allowed to ask (no superuser or pg_read_all_settings) or the database is down: try next time
				databaseDirectoryAsked = e instanceof org.springframework.jdbc.UncategorizedSQLException
						|| e instanceof org.springframework.dao.PermissionDeniedDataAccessException;
			}
		}
		return databaseDirectory;
	}

}
