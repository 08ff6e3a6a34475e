package org.chamberlink.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.shared.CalendarDates;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every {@code @RestController} (the {@code /api/v1} surface), in
 * the caller's language. A refused write, whether a field's constraint or a business rule, is 422
 * with {@code errors: [{field, message}]} (decision 25); 400 stays for a request that cannot be
 * read at all.
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

	/**
	 * A body that cannot be read (decision 30): not JSON, or a field of the wrong type or holding a
	 * NUL character. 400, and when Jackson knows which field, {@code errors} names it.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "problem.unreadable", locale);
		JacksonException jackson = jacksonCause(ex);
		String field = jackson == null ? null : fieldPath(jackson);
		if (field != null) {
			String why = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
			String message = why.contains(TextInputs.NUL_REFUSED) ? problems.message("input.nul", locale, field)
					: why.contains(TextInputs.DATE_REFUSED) ? problems.message("input.dateRange", locale, field,
							CalendarDates.EARLIEST, CalendarDates.LATEST)
					: problems.message("input.wrongType", locale, field);
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).headers(headers).body(problem);
	}

	/** A path variable or query parameter of the wrong type ({@code /parties/abc/merge}): 400 naming it. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex.getPropertyName();
		ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
		problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message",
				problems.message("input.wrongType", locale, field))));
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).headers(headers).body(problem);
	}

	private static JacksonException jacksonCause(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/** {@code contacts[0].name} from Jackson's path; null when it names no field. */
	private static String fieldPath(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		// A value of the wrong type was never read, so the request is malformed (400); a value that
		// was read but breaks a constraint is refused like a business rule (422), so clients handle
		// one status for "fix these fields".
		boolean unreadable = ex.getBindingResult().getFieldErrors().stream().anyMatch(FieldError::isBindingFailure);
		HttpStatus answer = unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = problems.problem(answer, "problem.invalid", locale);
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.status(answer).headers(headers).body(problem);
	}

}
