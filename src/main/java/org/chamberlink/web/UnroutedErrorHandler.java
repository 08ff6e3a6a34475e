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

	UnroutedErrorHandler(ProblemResponses problems) {
		this.problems = problems;
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
	 * An API failure nobody else answered becomes a 500 problem detail. Everything else is
	 * rethrown, which hands it on to the next resolver: Spring Security turns access and
	 * authentication failures into 403 or sign-in, {@code @ResponseStatus} exceptions get their
	 * status, and page failures reach the localized error page.
	 */
	@ExceptionHandler(Exception.class)
	void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
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
