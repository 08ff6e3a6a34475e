package org.chamberlink.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * The database cannot be reached (decision 54): no connection within the pool's connection timeout
 * (a few seconds, {@code chamberlink.database.connection-timeout}), a connection broken by a
 * restart, or PostgreSQL refusing connections. Such a request answers at once with 503 and
 * {@code Retry-After} — the error page saying the database is unavailable for a page, an RFC 9457
 * problem detail under {@code /api/} — instead of a bare 500 after a long wait. The page is
 * rendered here, without the database (no sidebar, no session write), so it can be answered from a
 * filter before any controller ran.
 */
@Component
class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	static final String MESSAGE_KEY = "problem.databaseUnavailable";

	private final ErrorAnswers answers;

	private final long retryAfterSeconds;

	DatabaseOutage(ErrorAnswers answers, @Value("${chamberlink.database.retry-after:30s}") Duration retryAfter) {
		this.answers = answers;
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
	}

	/**
	 * Whether a failure means the database could not be reached, judged by the cause chain: the
	 * pool's timeout (SQLTransientConnectionException), a connection that could not be made or
	 * broke (SQL state class 08), PostgreSQL shutting down or starting up (57P01–57P03), too many
	 * connections (53300), a rollback that found its connection closed by the server.
	 */
	static boolean unavailable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
						|| state.equals("53300")) {
					return true;
				}
			}
			// a rollback on a connection the server closed hides the first failure (Hikari says no state)
			if (cause instanceof SQLException && "Connection is closed".equals(cause.getMessage())) {
				return true;
			}
		}
		return false;
	}

	/** Writes the 503 answer unless the response is already on its way (then nothing can be said). */
	void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
		log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(failure));
		if (response.isCommitted()) {
			return;
		}
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		answers.answer(request, response, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE_KEY);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return failure.getClass().getSimpleName() + " / " + root;
	}

}
