package org.chamberlink.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds RFC 9457 problem details with localized title and detail, for the API's exception
 * handlers and for the security filters that answer before any controller runs.
 */
@Component
public class ProblemResponses {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	public ProblemDetail problem(HttpStatus status, String detailKey, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailKey, args, detailKey, locale));
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				locale));
		problem.setType(URI.create("urn:chamberlink:problem:" + detailKey));
		return problem;
	}

	/** Writes a problem straight to the response (used by security entry points). */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
			Object... args) throws IOException {
		ProblemDetail problem = problem(status, detailKey, locales.resolveLocale(request), args);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}

	/**
	 * Writes a problem whose {@code errors} name one field (a filter's refusal before any
	 * controller, decision 30); the message key's arguments are the field's arguments.
	 */
	public void writeFieldError(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String field, String messageKey, Object... args) throws IOException {
		Locale locale = locales.resolveLocale(request);
		ProblemDetail problem = problem(status, "problem.invalid", locale);
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors",
				java.util.List.of(java.util.Map.of("field", field, "message", message(messageKey, locale, args))));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}

	public String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
