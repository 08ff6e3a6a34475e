package org.chamberlink.member;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent, rather than time waited: on a shared machine (other builds running) a request's
 * latency says mostly how long it queued, while the CPU it cost says what the two cores can serve —
 * requests a second ≈ cores ÷ CPU per request. Reads this JVM's CPU time (the application and, in
 * the benchmark, its HTTP clients) and the embedded PostgreSQL's (the postmaster and its backends,
 * from /proc; Linux only, else zero).
 */
final class CpuMeter {

	/** Clock ticks a second of /proc's utime and stime (USER_HZ, 100 on Linux). */
	private static final double TICKS_PER_SECOND = 100.0;

	private final Path postmasterPid;

	CpuMeter(Path dataDirectory) {
		this.postmasterPid = dataDirectory.resolve("postmaster.pid");
	}

	record Reading(long jvmNanos, long postgresTicks) {
	}

	Reading read() {
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		return new Reading(jvm, postgresTicks());
	}

	/** "JVM 4.1 ms + PostgreSQL 1.2 ms" of CPU per request since {@code before}. */
	String perRequest(Reading before, int requests) {
		Reading now = read();
		double jvm = (now.jvmNanos() - before.jvmNanos()) / 1e6 / requests;
		double postgres = (now.postgresTicks() - before.postgresTicks()) * 1000 / TICKS_PER_SECOND / requests;
		return String.format(Locale.ROOT, "JVM %.2f ms + PostgreSQL %.2f ms = %.2f ms CPU each → at most %.0f a second on 2 cores",
				jvm, postgres, jvm + postgres, 2000 / (jvm + postgres));
	}

	private long postgresTicks() {
		try {
			String pid = Files.readAllLines(postmasterPid).get(0).strip();
			long total = ticks(Path.of("/proc", pid, "stat"), null);
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				total += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
					.mapToLong(p -> ticks(p.resolve("stat"), pid))
					.sum();
			}
			return total;
		}
		catch (IOException | RuntimeException unreadable) {
			return 0;
		}
	}

	/** utime + stime of the process; with {@code parent} only if that is its parent. */
	private static long ticks(Path stat, String parent) {
		try {
			String line = Files.readString(stat);
			// the command name (field 2) may hold spaces; the fields after its closing parenthesis do not
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			if (parent != null && !fields[1].equals(parent)) {
				return 0;
			}
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

}
