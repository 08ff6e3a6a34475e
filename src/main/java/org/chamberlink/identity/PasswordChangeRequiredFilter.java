package org.chamberlink.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.web.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an account whose password must be changed (the first administrator, a reset) on the
 * change-password page until it has done so; the API answers 403 meanwhile.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PATH = "/account/password";

	private final ProblemResponses problems;

	PasswordChangeRequiredFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.passwordChangeRequired() && !isAllowed(request.getRequestURI())) {
			if (request.getRequestURI().startsWith("/api/")) {
				problems.write(request, response, HttpStatus.FORBIDDEN, "problem.passwordChangeRequired");
			}
			else {
				response.sendRedirect(CHANGE_PASSWORD_PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAllowed(String path) {
		return path.equals(CHANGE_PASSWORD_PATH) || path.equals("/logout") || path.equals("/error")
				|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/");
	}

}
