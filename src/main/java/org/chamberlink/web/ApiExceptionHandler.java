package org.chamberlink.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every {@code @RestController} (the {@code /api/v1} surface), in
 * the caller's language. Validation failures list each field with its message.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
// Before UnroutedErrorHandler, whose catch-all must only see what these leave.
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final ProblemResponses problems;

	private final MessageSource messages;

	ApiExceptionHandler(ProblemResponses problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ProblemDetail notFound(RecordNotFoundException e, Locale locale) {
		return problems.problem(HttpStatus.NOT_FOUND, "problem.notFound", locale);
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolated(RuleViolationException e, Locale locale) {
		ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey(), locale,
				e.arguments());
		if (e.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", problem.getDetail())));
		}
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e, Locale locale) {
		return problems.problem(HttpStatus.FORBIDDEN, "problem.forbidden", locale);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

}
