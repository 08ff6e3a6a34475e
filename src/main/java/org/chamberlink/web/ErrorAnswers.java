package org.chamberlink.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * An error answered from a filter, before or around Spring MVC (decision 54): an RFC 9457 problem
 * detail under {@code /api/}, else the localized error page with the message — rendered here without
 * the database (no sidebar, no model advice), so it can be said while the database is away.
 */
@Component
class ErrorAnswers {

	private final ProblemResponses problems;

	private final ITemplateEngine templates;

	private final LocaleResolver locales;

	ErrorAnswers(ProblemResponses problems, ITemplateEngine templates, LocaleResolver locales) {
		this.problems = problems;
		this.templates = templates;
		this.locales = locales;
	}

	void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, status, messageKey);
			return;
		}
		Locale locale = locales.resolveLocale(request);
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response);
		WebContext context = new WebContext(exchange, locale,
				Map.of("status", status.value(), "fieldMessage", problems.message(messageKey, locale)));
		response.setStatus(status.value());
		response.setContentType("text/html;charset=UTF-8");
		templates.process("error", context, response.getWriter());
	}

}
