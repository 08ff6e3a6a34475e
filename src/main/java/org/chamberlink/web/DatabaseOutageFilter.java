package org.chamberlink.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside every filter that reads the database (the session, the API token, the sign-in): a
 * failure to reach the database anywhere in the request becomes the 503 answer of
 * {@link DatabaseOutage} instead of the container's bare 500 (decision 54).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private final DatabaseOutage outage;

	DatabaseOutageFilter(DatabaseOutage outage) {
		this.outage = outage;
	}

	/** The error page's own dispatch reads the session too: while the database is away, it answers 503 as well. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!DatabaseOutage.unavailable(e)) {
				throw e;
			}
			outage.answer(request, response, e);
		}
	}

}
