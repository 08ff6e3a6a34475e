package org.chamberlink.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page drawn again by a refused form answers 422, as the API does for the same refusal
 * (decision 25), so that a client, a test or a proxy's log tells "fix these fields" from a page
 * that was simply shown. Decided in one place: a POST whose page carries a field error or a
 * {@link RowRefusal} ({@code refusal}, {@code caseRefusal}) and is not a redirect.
 */
class RefusedFormStatus implements HandlerInterceptor {

	private static final HttpStatus REFUSED = HttpStatus.UNPROCESSABLE_CONTENT;

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !"POST".equals(request.getMethod()) || page.getViewName() == null
				|| page.getViewName().startsWith("redirect:") || response.getStatus() >= 400) {
			return;
		}
		boolean refused = page.getModel().get("refusal") != null || page.getModel().get("caseRefusal") != null
				|| page.getModel().values().stream().anyMatch(value -> value instanceof BindingResult result
						&& result.hasErrors());
		if (refused) {
			response.setStatus(REFUSED.value());
		}
	}

}
