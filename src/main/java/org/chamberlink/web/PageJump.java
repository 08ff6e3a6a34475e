package org.chamberlink.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Jump to page n" on a long list: the form sends the page as people count (from 1) in
 * {@code jump}; this answers with the list's own address at that page (0-based {@code page}),
 * the filter kept. Works without script; a number that is not one goes to the first page.
 */
@Component
class PageJump extends OncePerRequestFilter {

	static final String PARAMETER = "jump";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getParameter(PARAMETER) == null
				|| request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int page;
		try {
			page = Math.max(1, Math.min(Integer.parseInt(request.getParameter(PARAMETER).strip()), 1_000_000));
		}
		catch (NumberFormatException notANumber) {
			page = 1;
		}
		response.sendRedirect(PageLinks.of(request).page(page - 1));
	}

}
