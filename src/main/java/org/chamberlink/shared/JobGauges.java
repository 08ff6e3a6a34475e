package org.chamberlink.shared;

import java.util.Locale;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One gauge family for every module's background jobs (decision 15) on {@code /actuator/prometheus}:
 * {@code chamberlink.jobs{module, status}} — queued, running, and failed in the last 24 hours. Each
 * module counts its own job table.
 */
public final class JobGauges {

	private JobGauges() {
	}

	/** {@code count} answers for QUEUED, RUNNING and FAILED (the last only for the past day). */
	public static void register(MeterRegistry registry, String module, ToLongFunction<String> count) {
		for (String status : new String[] { "QUEUED", "RUNNING", "FAILED" }) {
			Gauge.builder("chamberlink.jobs", () -> count.applyAsLong(status))
				.description("Background jobs queued or running, or failed in the last 24 hours")
				.tag("module", module)
				.tag("status", status.toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

}
