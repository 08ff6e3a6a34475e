package org.chamberlink.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A partner merchant's account reaches its one page ({@code /merchant}, the benefit module's card
 * check) and nothing else: every other page and API answers it as forbidden, through the normal
 * handling (the localized 403 page, a problem detail for the API). Home sends it to its page. One
 * rule here rather than a role left out of every controller's expression: a page added tomorrow
 * without a role expression is closed to merchants too (decision 0041).
 */
class MerchantOnlyFilter extends OncePerRequestFilter {

	static final String MERCHANT_PAGE = "/merchant";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.hasRole(Role.MERCHANT)) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.isEmpty() || path.equals("/")) {
				response.sendRedirect(request.getContextPath() + MERCHANT_PAGE);
				return;
			}
			if (!isAllowed(path)) {
				throw new AccessDeniedException("A merchant reaches only its own page");
			}
		}
		chain.doFilter(request, response);
	}

	static boolean isAllowed(String path) {
		return path.equals(MERCHANT_PAGE) || path.startsWith(MERCHANT_PAGE + "/") || path.equals("/api/v1/merchant")
				|| path.startsWith("/api/v1/merchant/")
				// the first sign-in's password change, signing out, and the shell's own files
				|| path.equals(PasswordChangeRequiredFilter.CHANGE_PASSWORD_PATH) || path.equals("/logout")
				|| path.equals("/login") || path.equals("/error") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/favicon.ico");
	}

}
