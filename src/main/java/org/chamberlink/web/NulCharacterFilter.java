package org.chamberlink.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose form fields or query parameters hold a NUL character (decision 30):
 * PostgreSQL cannot store it, and no person types it. One place for every page form, the public
 * join page and the API's query parameters; JSON bodies are checked as they are read
 * ({@link TextInputs}), uploaded file names are cleaned where they are kept. The API answers a 400
 * problem detail naming the field; a page the 400 error page. Runs before Spring Security, whose
 * CSRF check reads the form first: a multipart file name with a NUL makes Tomcat throw there, so
 * that is answered here too (a 400 naming the file, as Tomcat cannot hand the name over to be
 * cleaned).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class NulCharacterFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final long maxRequestBytes;

	NulCharacterFilter(ProblemResponses problems,
			@Value("${spring.servlet.multipart.max-request-size:21MB}") DataSize maxRequest) {
		this.problems = problems;
		this.maxRequestBytes = maxRequest.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// an API upload over the limit is told in a problem detail (a page gets the "file too large" page
		// from UploadLimitAdvice)
		if (request.getContentLengthLong() > maxRequestBytes && request.getContentType() != null
				&& request.getContentType().startsWith("multipart/") && request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "problem.tooLarge");
			return;
		}
		String field;
		String key = "input.nul";
		try {
			field = fieldWithNul(request);
		}
		catch (RuntimeException e) {
			if (!isInvalidFileName(e)) {
				throw e;
			}
			// Tomcat refuses a multipart file name with a NUL before anyone can clean it
			field = "file";
			key = "input.fileName";
		}
		if (field == null) {
			chain.doFilter(request, response);
			return;
		}
		refuse(problems, request, response, field, key);
	}

	/** A multipart file name with a NUL, which Tomcat refuses while reading the body (also for StorageFull, which reads it first). */
	static void refuseFileName(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response) throws IOException {
		refuse(problems, request, response, "file", "input.fileName");
	}

	private static void refuse(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response, String field,
			String key) throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			problems.writeFieldError(request, response, HttpStatus.BAD_REQUEST, field, key, field);
		}
		else {
			response.sendError(HttpStatus.BAD_REQUEST.value());
		}
	}

	static boolean isInvalidFileName(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("InvalidFileNameException")) {
				return true;
			}
		}
		return false;
	}

	private static String fieldWithNul(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (TextInputs.containsNul(parameter.getKey())) {
				return parameter.getKey().replace('\0', '?');
			}
			for (String value : parameter.getValue()) {
				if (value != null && TextInputs.containsNul(value)) {
					return parameter.getKey();
				}
			}
		}
		return null;
	}

}
