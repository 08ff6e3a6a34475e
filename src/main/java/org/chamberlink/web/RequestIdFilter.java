package org.chamberlink.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * puts it in the logging context and the response, and logs one line per request with method,
 * path, status, duration and user as key=value pairs. The audit log stores the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private static final Logger log = LoggerFactory.getLogger("org.chamberlink.request");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String id = incoming != null && SANE.matcher(incoming).matches() ? incoming
				: UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		MDC.put("requestId", id);
		response.setHeader(HEADER, id);
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!isStatic(request.getRequestURI())) {
				log.info("method={} path=\"{}\" status={} durationMs={} user=\"{}\" addr={}", request.getMethod(),
						request.getRequestURI(), response.getStatus(), (System.nanoTime() - start) / 1_000_000,
						user(request), request.getRemoteAddr());
			}
			MDC.remove("requestId");
		}
	}

	/** Set by {@link CurrentUserInterceptor} while the security context is still there. */
	static final String USER_ATTRIBUTE = RequestIdFilter.class.getName() + ".user";

	private static String user(HttpServletRequest request) {
		Object user = request.getAttribute(USER_ATTRIBUTE);
		return user == null ? "-" : user.toString();
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.equals("/favicon.ico");
	}

}
