package org.chamberlink.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page's single request parameter that does not convert ({@code year=abc} on a form that binds
 * its fields one by one rather than as a record): the 400 page says which field, in the user's
 * language, instead of "the request could not be completed" (decision 30). Forms bound as records
 * draw the field's error on the form itself ({@link FormBinding}). API paths are left to the API's
 * problem details.
 */
@ControllerAdvice
// Before UnroutedErrorHandler, whose catch-all must only see what these leave.
@Order(0)
class PageInputAdvice {

	private final MessageSource messages;

	PageInputAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale)
			throws MethodArgumentTypeMismatchException {
		if (request.getRequestURI().startsWith("/api/")) {
			throw e;
		}
		String label = messages.getMessage(new DefaultMessageSourceResolvable(
				new String[] { "field." + e.getName() }, e.getName()), locale);
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("fieldMessage", messages.getMessage("typeMismatch", new Object[] { label }, locale));
		return page;
	}

}
