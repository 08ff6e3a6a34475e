package org.chamberlink.member;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * One background thread per instance for imports and exports (they are CPU- and database-bound;
 * two at once on a two-core machine only slow each other down). The submitting user's security
 * context travels with the job, so the data scope holds inside it exactly as in the request.
 * Deliberately not an Executor bean: that would replace Boot's application task executor.
 */
@Component
class JobRunner {

	private final ExecutorService pool;

	JobRunner() {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = runnable -> {
			Thread thread = new Thread(runnable, "member-job-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.pool = new DelegatingSecurityContextExecutorService(Executors.newSingleThreadExecutor(threads));
	}

	void submit(Runnable job) {
		pool.execute(job);
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

}
