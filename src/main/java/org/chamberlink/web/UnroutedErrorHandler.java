package org.chamberlink.web;

import org.chamberlink.shared.RecordNotFoundException;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors no controller's own handler answered: an unknown path, a wrong method, an unexpected
 * failure. Under {@code /api/} they become RFC 9457 problem details like every other API error;
 * elsewhere the localized error page. Runs after every other advice.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnroutedErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(UnroutedErrorHandler.class);

	private final ProblemResponses problems;

	private final DatabaseOutage outage;

	UnroutedErrorHandler(ProblemResponses problems, DatabaseOutage outage) {
		this.problems = problems;
		this.outage = outage;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		answer(request, response, HttpStatus.NOT_FOUND, "problem.notFound");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	void wrongMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
		answer(request, response, HttpStatus.METHOD_NOT_ALLOWED, "problem.methodNotAllowed");
	}

	/**
	 * A record not found (or outside the caller's scope) in an API method of a page controller
	 * ({@code @Controller} with {@code @ResponseBody}, which {@code ApiExceptionHandler} does not
	 * advise): the same problem detail a {@code @RestController} answers, so an out-of-scope id
	 * looks the same everywhere under {@code /api/}. Pages get their 404 page as before.
	 */
	@ExceptionHandler(RecordNotFoundException.class)
	void recordNotFound(RecordNotFoundException e, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (!request.getRequestURI().startsWith("/api/")) {
			throw e;
		}
		problems.write(request, response, HttpStatus.NOT_FOUND, "problem.notFound");
	}

	/**
	 * Two writers on the same record (decision 54): a row lock waited out too long, a deadlock
	 * PostgreSQL broke, a version that moved under an edit. Nothing was written by the refused
	 * request (its transaction rolled back); the user is told to reload and try again — 409, a problem
	 * detail for the API, the error page with the message for pages — instead of a 500.
	 */
	@ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
	ModelAndView conflict(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("Concurrent change refused on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
		return refused(request, response, HttpStatus.CONFLICT, "problem.conflict");
	}

	/**
	 * A statement that ran past the database's statement timeout (decision 54): 503 and a message to
	 * try again later, never a thread held for minutes.
	 */
	@ExceptionHandler(org.springframework.dao.QueryTimeoutException.class)
	ModelAndView tooSlow(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("Statement timeout on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
		return refused(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.databaseSlow");
	}

	/**
	 * The same two, when Spring leaves PostgreSQL's code uncategorized (a lock timeout, 55P03, arrives
	 * as an UncategorizedSQLException): told apart by the SQL state. Any other database failure goes
	 * on as before.
	 */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ModelAndView database(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
		String state = sqlState(e);
		if ("55P03".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
			return conflict(e, request, response);
		}
		if ("57014".equals(state)) {
			return tooSlow(e, request, response);
		}
		if (DatabaseOutage.unavailable(e)) {
			outage.answer(request, response, e);
			return new ModelAndView();
		}
		if ("53100".equals(state)) {
			// the database's disk is full: the write rolled back whole, nothing half-saved
			log.error("Database disk full on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
			return refused(request, response, HttpStatus.INSUFFICIENT_STORAGE, "problem.databaseFull");
		}
		unexpected(e, request, response);
		return new ModelAndView();
	}

	private static String sqlState(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private ModelAndView refused(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, status, key);
			return new ModelAndView();
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("fieldMessage", problems.message(key, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return page;
	}

	/**
	 * An API failure nobody else answered becomes a 500 problem detail. Everything else is
	 * rethrown, which hands it on to the next resolver: Spring Security turns access and
	 * authentication failures into 403 or sign-in, {@code @ResponseStatus} exceptions get their
	 * status, and page failures reach the localized error page.
	 */
	@ExceptionHandler(Exception.class)
	void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
		// a transaction that could not begin (CannotCreateTransactionException) is no DataAccessException
		if (DatabaseOutage.unavailable(e)) {
			outage.answer(request, response, e);
			return;
		}
		if (!request.getRequestURI().startsWith("/api/") || e instanceof AccessDeniedException
				|| e instanceof AuthenticationException || e instanceof ErrorResponse
				|| AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
			throw e;
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
		problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected");
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, status, key);
		}
		else {
			response.sendError(status.value());
		}
	}

}
