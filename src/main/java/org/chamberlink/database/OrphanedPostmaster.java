package org.chamberlink.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running by a previous run of the application that was killed with
 * {@code kill -9}: the JVM's shutdown hook never ran, so PostgreSQL kept the data directory and
 * the next start would fail on {@code postmaster.pid}. We stop it only when the pid in the file
 * belongs to a live postgres process whose command line names this data directory.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory, Duration wait) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<Long> pid = readPid(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// PostgreSQL itself ignores a stale pid file whose process is gone.
			log.info("Stale postmaster.pid (pid {} not running) in {}", pid.get(), dataDirectory);
			return;
		}
		if (!isPostgresOf(pid.get(), dataDirectory)) {
			log.warn("postmaster.pid in {} names pid {}, which is not a postgres of this directory; leaving it alone",
					dataDirectory, pid.get());
			return;
		}
		log.warn("Stopping orphaned postmaster (pid {}) left by a killed run on {}", pid.get(), dataDirectory);
		ProcessHandle handle = process.get();
		// SIGTERM is PostgreSQL's "smart" shutdown: it finishes cleanly and writes a checkpoint.
		handle.destroy();
		try {
			handle.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception timeout) {
			log.warn("Orphaned postmaster {} did not stop in {}; killing it", pid.get(), wait);
			handle.destroyForcibly();
			handle.onExit().join();
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static boolean isPostgresOf(long pid, Path dataDirectory) {
		try {
			String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
			return cmdline.contains("postgres") && cmdline.contains(dataDirectory.toString());
		}
		catch (IOException e) {
			// No /proc (not Linux): fall back to the process name alone.
			return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
		}
	}

}
