package org.chamberlink.dues;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * One background thread for billing runs: a province's run is one large set-based statement, two
 * at once would only contend. The requesting user's security context (and so the data scope)
 * travels with the job.
 */
@Component
class DuesJobs {

	private final ExecutorService pool = new DelegatingSecurityContextExecutorService(
			Executors.newSingleThreadExecutor(runnable -> {
				Thread thread = new Thread(runnable, "dues-billing");
				thread.setDaemon(true);
				return thread;
			}));

	void submit(Runnable job) {
		pool.execute(job);
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

}
